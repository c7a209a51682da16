package fanout.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.console.problem.BadInputException;
import fanout.console.workshop.Workshop;
import fanout.console.workshop.WorkshopCatalog;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatedClassTest {
    private final WorkshopCatalog catalog = new WorkshopCatalog(Optional.empty());
    private final Workshop workshop = catalog.load("hello-retail");

    @Test
    void theSampleClassHasTwelveStudentsThreeOfThemBrokenInDifferentWays() throws Exception {
        SimulatedClass students;
        try (InputStream in =
                catalog.sampleRoster("hello-retail", "sample-class.csv").orElseThrow()) {
            students = SimulatedClass.read(in, "sample-class.csv", workshop);
        }

        assertThat(students.students()).hasSize(12);
        assertThat(students.students())
                .filteredOn(s -> s.condition() != StudentCondition.HEALTHY)
                .extracting(SimulatedStudent::id, SimulatedStudent::condition)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                "st55", StudentCondition.MISSING_STREAM),
                        org.assertj.core.groups.Tuple.tuple("uv66", StudentCondition.DENIED_ROLE),
                        org.assertj.core.groups.Tuple.tuple("wx77", StudentCondition.THROTTLED));
        SimulatedStudent ida =
                students.students().stream()
                        .filter(s -> s.id().equals("ij90"))
                        .findFirst()
                        .orElseThrow();
        assertThat(ida.streamArn())
                .isEqualTo("arn:aws:kinesis:us-east-1:777788889999:stream/ij90Stream");
        assertThat(ida.roleArn()).isEqualTo("arn:aws:iam::777788889999:role/ij90StreamWriter");
    }

    @Test
    void anUnknownSandboxMarkIsReportedWithItsLine() {
        String csv = "id,account,sandbox\nab12,111122223333,\ncd34,111122223333,on-fire\n";

        assertThatThrownBy(
                        () ->
                                SimulatedClass.read(
                                        new ByteArrayInputStream(
                                                csv.getBytes(StandardCharsets.UTF_8)),
                                        "class.csv",
                                        workshop))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("class.csv line 3")
                .hasMessageContaining("on-fire");
    }
}
