package fanout.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two benchmark programs share one results file and one way to pick scenarios. */
class BenchResultsTest {
    @TempDir Path dir;

    @AfterEach
    void forgetSelection() {
        System.clearProperty(BenchOnly.PROPERTY);
    }

    @Test
    void aSecondProgramsGoalsJoinTheFileAndReplaceOnlyTheirOwnEarlierEntries() throws Exception {
        Path file = dir.resolve("bench/results.json");
        Goal.merge(
                file,
                List.of(
                        new Goal("stub-cpu", 190.04, 100, "ms", true),
                        new Goal("shared", 2, 1, "calls", true)));

        Goal.merge(file, List.of(new Goal("shared", 1, 1, "calls", true)));

        JsonNode entries = new ObjectMapper().readTree(file.toFile());
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("id").asText()).isEqualTo("stub-cpu");
        assertThat(entries.get(0).get("measured").asDouble()).isEqualTo(190.0);
        assertThat(entries.get(0).get("pass").asBoolean()).isFalse();
        assertThat(entries.get(1).get("measured").asDouble()).isEqualTo(1.0);
        assertThat(entries.get(1).get("pass").asBoolean()).isTrue();
    }

    @Test
    void everyScenarioRunsUnlessSomeAreNamedAndAGroupNameSelectsItsMembers() {
        assertThat(BenchOnly.runs("isolation")).isTrue();

        System.setProperty(BenchOnly.PROPERTY, "stub, loopback");

        assertThat(BenchOnly.runs("stub")).isTrue();
        assertThat(BenchOnly.runs("loopback-k1000")).isTrue();
        assertThat(BenchOnly.runs("isolation")).isFalse();
    }

    @Test
    void aNameThatMatchesNoScenarioStopsWithTheKnownNames() {
        System.setProperty(BenchOnly.PROPERTY, "stubb");

        assertThatThrownBy(() -> BenchOnly.runs("stub"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-Dbench.only: no scenario is called 'stubb'")
                .hasMessageContaining("loopback-k100");
    }
}
