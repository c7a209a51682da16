package fanout.console.tui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import fanout.console.status.DestinationState;
import fanout.console.status.DestinationStatus;
import fanout.console.tui.ConsoleHarness;
import fanout.console.tui.ConsoleOptions;
import fanout.console.tui.Fakes;
import fanout.console.tui.Palette;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DetailViewTest {
    private static final String REASON =
            "failed 12 over the window: every record sent to the stream bob2Stream in account"
                    + " 210987654321 was refused because the stream does not exist there";
    private static final String FIX =
            "ask Bob Barker to create the stream bob2Stream in us-west-2 of account 210987654321,"
                    + " then press c on the dashboard to check the destination again";
    private static final String LAST_ERROR =
            "ResourceNotFoundException: Stream bob2Stream under account 210987654321 not found"
                    + " (Service: Kinesis, Status Code: 400, Request ID: 4f6a1c2e-0d3b-4e5f-9a8b)";

    private static DestinationStatus longWinded() {
        DestinationStatus bob = Fakes.destination("bob2", "Bob Barker", DestinationState.ERROR);
        return bob.toBuilder().reason(REASON).fix(FIX).lastError(LAST_ERROR).build();
    }

    @ParameterizedTest
    @CsvSource({"80,24", "120,40"})
    void longReasonFixAndLastErrorWrapOntoIndentedLinesInsteadOfBeingCut(int columns, int rows) {
        ConsoleHarness harness =
                new ConsoleHarness(
                        columns,
                        rows,
                        ConsoleOptions.defaults(false).withFirstView("dashboard"),
                        Palette.colour(),
                        Path.of("."));
        harness.status.next = Fakes.snapshot(List.of(longWinded()));
        harness.type("r").press(KeyType.Enter);
        assertThat(harness.console.top().title()).isEqualTo("Destination bob2");
        String flowed = harness.text().replaceAll("\\s+", " ");
        assertThat(flowed).contains(REASON).contains("fix: " + FIX).contains(LAST_ERROR);

        int reason = harness.rowOf("failed 12 over the window");
        int reasonColumn = harness.row(reason).indexOf("failed 12");
        assertThat(indent(harness.row(reason + 1)))
                .as("the reason's next line lines up under it")
                .isEqualTo(reasonColumn);
        int fix = harness.rowOf("fix: ask Bob");
        assertThat(fix).isGreaterThan(reason + 1);
        assertThat(indent(harness.row(fix + 1))).isEqualTo(harness.row(fix).indexOf("ask Bob"));
        assertThat(harness.foregroundOf("ask Bob")).isEqualTo(Palette.SKY);
        int error = harness.rowOf("ResourceNotFoundException: Stream");
        assertThat(indent(harness.row(error + 1))).isEqualTo(3);
        for (int row = 0; row < rows; row++) {
            assertThat(harness.row(row).length()).isLessThanOrEqualTo(columns);
        }
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }

    @org.junit.jupiter.api.Test
    void aSelfRegisteredRowIsMarkedOnTheDashboardAndInItsDetail() {
        ConsoleHarness harness =
                new ConsoleHarness(
                        120,
                        40,
                        ConsoleOptions.defaults(false).withFirstView("dashboard"),
                        Palette.colour(),
                        Path.of("."));
        DestinationStatus slack =
                Fakes.withOrigin(
                        Fakes.destination("sl01", "Sam Slack", DestinationState.OK),
                        DestinationStatus.SELF_REGISTERED);
        DestinationStatus roster =
                Fakes.withOrigin(
                        Fakes.destination("zr01", "Rita Roster", DestinationState.OK), "roster");
        harness.status.next = Fakes.snapshot(List.of(slack, roster));
        harness.type("r");
        assertThat(harness.row(harness.rowOf("sl01"))).contains("Sam Slack S ");
        assertThat(harness.row(harness.rowOf("zr01"))).doesNotContain("Rita Roster S");
        harness.press(KeyType.Enter);
        assertThat(harness.console.top().title()).isEqualTo("Destination sl01");
        assertThat(harness.text()).contains("[self-registered from Slack]");
    }

    @org.junit.jupiter.api.Test
    void theSelfRegisteredMarkerSurvivesANameLongerThanTheColumn() {
        DestinationStatus slack =
                Fakes.withOrigin(
                        Fakes.destination(
                                "sl01", "Samantha Slackington-Smythe", DestinationState.OK),
                        DestinationStatus.SELF_REGISTERED);
        assertThat(Columns.name(slack, 14)).isEqualTo("Samantha Sl~ S");
    }
}
