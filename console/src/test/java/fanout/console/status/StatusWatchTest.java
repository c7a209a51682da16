package fanout.console.status;

import static fanout.console.status.StatusFakes.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fanout.console.cli.Output;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code status --watch}: one refresh per interval, its cost said first, Ctrl-C ends it cleanly.
 */
class StatusWatchTest extends StatusCommandFixture {
    @Test
    void watchPrintsOneJsonObjectPerLineEachInterval() throws Exception {
        status.maxRefreshes = 3;
        int exit = cli.execute("status", "--watch", "--interval", "30s", "--output", "json");
        assertThat(exit).as(err.toString()).isZero();
        String[] lines = out.toString().split("\\R");
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            JsonNode node = Output.JSON.readTree(line);
            assertThat(node.get("destinations")).hasSize(2);
            assertThat(node.get("source").asText()).isEqualTo(SOURCE);
        }
        assertThat(slept).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30));
    }

    @Test
    void watchSaysWhatItsIntervalCostsForThisClassOnStandardErrorBeforeTheFirstRows() {
        status.maxRefreshes = 1;
        int exit = cli.execute("status", "--watch", "--interval", "10s", "--output", "json");
        assertThat(exit).as(err.toString()).isZero();
        // 2 destinations: 2 x 6 + 7 metrics, 360 refreshes an hour, USD 0.01 per 1,000.
        assertThat(err.toString())
                .contains("watching every 10 s: 19 metrics per refresh, GetMetricData ~$0.068/h")
                .contains("/month if left running");
        assertThat(out.toString()).as("stdout stays one JSON object per line").startsWith("{");
    }

    @Test
    void aWatchIntervalBelowTheMetricsTenSecondResolutionIsAUsageError() {
        int exit = cli.execute("status", "--watch", "--interval", "5s");
        assertThat(exit).isEqualTo(fanout.console.cli.ExitCodes.USAGE);
        assertThat(err.toString()).contains("--interval must be at least 10s");
    }

    @Test
    void anInterruptedWatchEndsCleanlyWithExitCodeZero() {
        status.sleeper =
                duration -> {
                    throw new InterruptedException("Ctrl-C");
                };
        int exit = cli.execute("status", "--watch", "--output", "json");
        assertThat(exit).isZero();
        assertThat(out.toString().split("\\R")).hasSize(1);
        assertThat(err.toString().split("\\R"))
                .as("only the cost line, no stack trace")
                .singleElement()
                .asString()
                .startsWith("watching every 20 s");
        assertThat(Thread.interrupted()).isFalse();
    }
}
