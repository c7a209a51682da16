package fanout.console.status;

import static fanout.console.status.DestinationState.ERROR;
import static fanout.console.status.DestinationState.LAG;
import static fanout.console.status.DestinationState.OK;
import static fanout.console.status.DestinationState.WAITING;
import static fanout.console.status.StateInputsBuilder.NOW;
import static fanout.console.status.StateRulesTest.row;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Rows of {@link StateRulesTest} on delivery lag: the threshold, the class's shared lag, and the
 * most recent minute against the whole window.
 */
final class LagStateRows {
    private LagStateRows() {}

    static Stream<Arguments> table() {
        return Stream.of(
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
                        "first delivery expected"));
    }
}
