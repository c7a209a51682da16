package fanout.console.status;

import static fanout.console.status.DestinationState.ERROR;
import static fanout.console.status.DestinationState.IDLE;
import static fanout.console.status.DestinationState.INACTIVE;
import static fanout.console.status.DestinationState.LAG;
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

// One class on purpose: the table sets every rule and precedence edge side by side.
/** Each state rule, and which wins when several apply. */
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
                        "delivery lag above the threshold is LAG",
                        in -> {
                            in.delivered = 9;
                            in.lagMs = 61_000L;
                            return in;
                        },
                        LAG,
                        "delivery lag 61 s now (threshold 60 s)"),
                row(
                        "delivery lag at the threshold is OK",
                        in -> {
                            in.delivered = 9;
                            in.lagMs = 60_000L;
                            return in;
                        },
                        OK,
                        "9 delivered"),
                row(
                        "a lag the whole class shares is the class's: the student is OK",
                        in -> {
                            in.delivered = 9;
                            in.lagMs = 90_000L;
                            in.classLagMs = 85_000L;
                            return in;
                        },
                        OK,
                        "9 delivered"),
                row(
                        "a student lagging the threshold beyond the class's lag is LAG",
                        in -> {
                            in.delivered = 9;
                            in.lagMs = 150_000L;
                            in.classLagMs = 85_000L;
                            return in;
                        },
                        LAG,
                        "beyond the class's 85 s"),
                row(
                        "a lag that has passed (peak in an older minute) is OK now",
                        in -> {
                            in.delivered = 1200;
                            in.lagMs = 300L;
                            in.windowDelivered = 2500L;
                            return in;
                        },
                        OK,
                        "1200 delivered in the last minute, 2500 in the window"),
                row(
                        "failures earlier in the window but none in the last minute are OK now",
                        in -> {
                            in.delivered = 100;
                            in.windowDelivered = 400L;
                            in.lastError = "throttled";
                            in.lastErrorAt = NOW.minusSeconds(200);
                            in.lastDeliveryAt = NOW.minusSeconds(60);
                            return in;
                        },
                        OK,
                        "100 delivered in the last minute"),
                row(
                        "silence in the last minute while the source had records is ERROR",
                        in -> {
                            in.delivered = 0;
                            in.windowDelivered = 300L;
                            in.sourceRecords = 60;
                            in.windowSourceRecords = 360L;
                            return in;
                        },
                        ERROR,
                        "no deliveries in the last minute while the source had 60 records"),
                row(
                        "a quiet last minute after deliveries is still OK",
                        in -> {
                            in.delivered = 0;
                            in.windowDelivered = 300L;
                            in.windowSourceRecords = 300L;
                            return in;
                        },
                        OK,
                        "0 delivered in the last minute, 300 in the window"),
                row(
                        "a lower threshold makes LAG sooner",
                        in -> {
                            in.delivered = 9;
                            in.lagMs = 20_000L;
                            in.threshold = Duration.ofSeconds(10);
                            return in;
                        },
                        LAG,
                        "threshold 10 s"),
                row(
                        "ERROR wins over LAG",
                        in -> {
                            in.delivered = 9;
                            in.lagMs = 120_000L;
                            in.rejected = 1;
                            return in;
                        },
                        ERROR,
                        "1 rejected"),
                row(
                        "WAITING wins over a class that lags",
                        in -> {
                            in.activeSince = NOW.minusSeconds(20);
                            in.classLagMs = 500_000L;
                            return in;
                        },
                        WAITING,
                        "first delivery expected"),
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
                        "a destination catching up from the source is BEHIND with how far",
                        in -> {
                            in.delivered = 40;
                            in.sourceRecords = 100;
                            in.behind = new Behind(120L, 45_000L);
                            return in;
                        },
                        DestinationState.BEHIND,
                        "120 records, 45 s behind"),
                row(
                        "a replay of unknown size is BEHIND too",
                        in -> {
                            in.behind = new Behind(null, null);
                            return in;
                        },
                        DestinationState.BEHIND,
                        "an unknown number of records behind"),
                row(
                        "failed records beat BEHIND",
                        in -> {
                            in.failed = 3;
                            in.behind = new Behind(10L, 1_000L);
                            return in;
                        },
                        ERROR,
                        "3 failed"),
                row(
                        "behind after the student's stream was deleted is ERROR with its fix",
                        in -> {
                            in.windowDelivered = 500L;
                            in.lastDeliveryAt = NOW.minusSeconds(20);
                            in.lastError = "Stream ab12Stream not found";
                            in.lastErrorCode = "ResourceNotFound";
                            in.lastErrorAt = NOW.minusSeconds(25);
                            in.behind = new Behind(40L, 2_000L);
                            return in;
                        },
                        ERROR,
                        "stopped at the student's error"),
                row(
                        "behind with a missing-stream error older than the last delivery is"
                                + " catching up",
                        in -> {
                            in.delivered = 30;
                            in.sourceRecords = 30;
                            in.lastDeliveryAt = NOW.minusSeconds(10);
                            in.lastError = "Stream ab12Stream not found";
                            in.lastErrorCode = "ResourceNotFound";
                            in.lastErrorAt = NOW.minusSeconds(90);
                            in.behind = new Behind(40L, 2_000L);
                            return in;
                        },
                        DestinationState.BEHIND,
                        "catching up"),
                row(
                        "BEHIND beats LAG",
                        in -> {
                            in.delivered = 100;
                            in.lagMs = 120_000L;
                            in.behind = new Behind(10L, 1_000L);
                            return in;
                        },
                        DestinationState.BEHIND,
                        "catching up"),
                row(
                        "nothing delivered and no source records is IDLE",
                        in -> in,
                        IDLE,
                        "the source had no records in the window"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
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
