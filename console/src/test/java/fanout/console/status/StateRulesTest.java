package fanout.console.status;

import static fanout.console.status.DestinationState.ERROR;
import static fanout.console.status.DestinationState.IDLE;
import static fanout.console.status.DestinationState.INACTIVE;
import static fanout.console.status.DestinationState.OK;
import static fanout.console.status.DestinationState.WAITING;
import static fanout.console.status.StateInputsBuilder.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each state rule, and which wins when several apply: one parameterized test over every row, so the
 * rules and their precedence edges still run side by side; the lag and catch-up rows live in {@link
 * LagStateRows} and {@link BehindStateRows}.
 */
class StateRulesTest {
    static Arguments row(
            String name,
            UnaryOperator<StateInputsBuilder> setup,
            DestinationState expected,
            String reasonPart) {
        return Arguments.of(name, setup, expected, reasonPart);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                row(
                        "an inactive mapping is INACTIVE",
                        in -> {
                            in.active = false;
                            return in;
                        },
                        INACTIVE,
                        "not active"),
                row(
                        "INACTIVE wins over failures",
                        in -> {
                            in.active = false;
                            in.failed = 3;
                            in.sourceRecords = 10;
                            return in;
                        },
                        INACTIVE,
                        "not active"),
                row(
                        "failed entries make ERROR",
                        in -> {
                            in.failed = 2;
                            in.delivered = 50;
                            return in;
                        },
                        ERROR,
                        "2 failed, 0 rejected"),
                row(
                        "rejected entries make ERROR",
                        in -> {
                            in.rejected = 1;
                            in.delivered = 50;
                            return in;
                        },
                        ERROR,
                        "0 failed, 1 rejected"),
                row(
                        "a failure includes the last error",
                        in -> {
                            in.failed = 1;
                            in.lastError = "stream gone";
                            in.lastErrorAt = NOW.minusSeconds(5);
                            return in;
                        },
                        ERROR,
                        ": stream gone"),
                row(
                        "a last error newer than the last delivery makes ERROR",
                        in -> {
                            in.delivered = 5;
                            in.lastDeliveryAt = NOW.minusSeconds(120);
                            in.lastError = "AccessDenied";
                            in.lastErrorAt = NOW.minusSeconds(30);
                            return in;
                        },
                        ERROR,
                        "newer than the last delivery"),
                row(
                        "a last error and no delivery at all makes ERROR",
                        in -> {
                            in.lastError = "boom";
                            in.lastErrorAt = NOW.minusSeconds(30);
                            return in;
                        },
                        ERROR,
                        "no delivery since: boom"),
                row(
                        "a last error older than the last delivery is history",
                        in -> {
                            in.delivered = 5;
                            in.lastDeliveryAt = NOW.minusSeconds(30);
                            in.lastError = "old";
                            in.lastErrorAt = NOW.minusSeconds(120);
                            return in;
                        },
                        OK,
                        "5 delivered"),
                row(
                        "a last error from before the activation is history",
                        in -> {
                            in.activeSince = NOW.minusSeconds(600);
                            in.lastError = "old";
                            in.lastErrorAt = NOW.minusSeconds(601);
                            return in;
                        },
                        IDLE,
                        "no records"),
                row(
                        "silence while the source had records is ERROR",
                        in -> {
                            in.sourceRecords = 120;
                            return in;
                        },
                        ERROR,
                        "no deliveries while the source had 120 records"),
                row(
                        "silence with an unknown activation time is ERROR",
                        in -> {
                            in.activeSince = null;
                            in.sourceRecords = 7;
                            return in;
                        },
                        ERROR,
                        "no deliveries while the source had 7 records"),
                row(
                        "a new mapping with source records is WAITING",
                        in -> {
                            in.activeSince = NOW.minusSeconds(60);
                            in.sourceRecords = 120;
                            return in;
                        },
                        WAITING,
                        "first delivery expected by 2026-11-25T10:01:30Z"),
                row(
                        "a new mapping on a quiet source is WAITING",
                        in -> {
                            in.activeSince = NOW.minusSeconds(10);
                            return in;
                        },
                        WAITING,
                        "activated 10 s ago"),
                row(
                        "WAITING ends exactly at cache TTL plus 2 minutes",
                        in -> {
                            in.activeSince = NOW.minusSeconds(150);
                            in.sourceRecords = 3;
                            return in;
                        },
                        ERROR,
                        "no deliveries while the source had 3 records"),
                row(
                        "one second before the end it is still WAITING",
                        in -> {
                            in.activeSince = NOW.minusSeconds(149);
                            in.sourceRecords = 3;
                            return in;
                        },
                        WAITING,
                        "mapping cache 30 s + 2 min"),
                row(
                        "a longer cache TTL waits longer",
                        in -> {
                            in.activeSince = NOW.minusSeconds(170);
                            in.sourceRecords = 3;
                            in.cacheTtl = Duration.ofSeconds(60);
                            return in;
                        },
                        WAITING,
                        "cache 60 s"),
                row(
                        "ERROR wins over WAITING",
                        in -> {
                            in.activeSince = NOW.minusSeconds(30);
                            in.failed = 1;
                            return in;
                        },
                        ERROR,
                        "1 failed"),
                row(
                        "a new mapping that already delivers is OK, not WAITING",
                        in -> {
                            in.activeSince = NOW.minusSeconds(30);
                            in.delivered = 4;
                            in.sourceRecords = 4;
                            return in;
                        },
                        OK,
                        "4 delivered"),
                row(
                        "LAG needs deliveries: a quiet destination is IDLE",
                        in -> {
                            in.classLagMs = 500_000L;
                            return in;
                        },
                        IDLE,
                        "no records"),
                row(
                        "deliveries make OK",
                        in -> {
                            in.delivered = 100;
                            in.sourceRecords = 100;
                            in.lagMs = 800L;
                            return in;
                        },
                        OK,
                        "100 delivered"),
                row(
                        "nothing delivered and no source records is IDLE",
                        in -> in,
                        IDLE,
                        "the source had no records in the window"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({
        "table",
        "fanout.console.status.LagStateRows#table",
        "fanout.console.status.BehindStateRows#table"
    })
    void eachRuleAndPrecedenceEdgeGivesItsState(
            String name,
            UnaryOperator<StateInputsBuilder> setup,
            DestinationState expected,
            String reasonPart) {
        StateVerdict verdict = StateRules.evaluate(setup.apply(new StateInputsBuilder()).build());
        assertThat(verdict.state()).as(name).isEqualTo(expected);
        assertThat(verdict.reason()).as(name).contains(reasonPart);
    }
}
