package fanout.console.status;

import static fanout.console.status.StatusFakes.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.console.cli.ExitCodes;
import fanout.console.problem.BadInputException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What status says about the installation: a missing function or table, and which hook is the
 * source
 */
class StatusInstallationIT extends LocalStatus {
    @Test
    void aMissingFunctionIsSaidAndTheWorkshopsSourceIsUsed() {
        lambda.exists = false;
        StatusSnapshot snapshot =
                service(cloudWatch).snapshot(Optional.empty(), Duration.ofMinutes(5));
        assertThat(snapshot.missing()).contains("function fanout");
        assertThat(snapshot.problems()).anySatisfy(p -> assertThat(p).contains("fanout deploy"));
        assertThat(snapshot.source()).isEqualTo(SOURCE);
        assertThat(StatusCommand.exitCode(snapshot)).isEqualTo(ExitCodes.AWS);
    }

    @Test
    void missingTablesAreSaid() {
        lambda.environment.put("FANOUT_TARGETS_TABLE", "noSuchTargets");
        lambda.environment.put("FANOUT_STATE_TABLE", "noSuchState");
        StatusSnapshot snapshot =
                service(cloudWatch).snapshot(Optional.of(SOURCE), Duration.ofMinutes(5));
        assertThat(snapshot.missing()).containsExactly("table noSuchTargets", "table noSuchState");
        assertThat(snapshot.destinations()).isEmpty();
    }

    @Test
    void theFunctionsOnlyHookIsTheSource() {
        lambda.hooks.add(QUIET);
        mapping(QUIET, "qu01", true, NOW.minus(Duration.ofHours(1)));
        StatusSnapshot snapshot =
                service(cloudWatch).snapshot(Optional.empty(), Duration.ofMinutes(5));
        assertThat(snapshot.source()).isEqualTo(QUIET);
        assertThat(snapshot.destinations())
                .extracting(DestinationStatus::id)
                .containsExactly("qu01");
    }

    @Test
    void severalHooksWithoutSourceArnIsAUsageErrorListingThem() {
        lambda.hooks.addAll(List.of(SOURCE, QUIET));
        assertThatThrownBy(
                        () -> service(cloudWatch).snapshot(Optional.empty(), Duration.ofMinutes(5)))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("--source-arn")
                .hasMessageContaining(SOURCE)
                .hasMessageContaining(QUIET);
    }
}
