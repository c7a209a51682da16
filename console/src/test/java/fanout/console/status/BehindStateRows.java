package fanout.console.status;

import static fanout.console.status.DestinationState.ERROR;
import static fanout.console.status.StateInputsBuilder.NOW;
import static fanout.console.status.StateRulesTest.row;

import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Rows of {@link StateRulesTest} on a destination catching up from the source (BEHIND) and what
 * wins over it.
 */
final class BehindStateRows {
    private BehindStateRows() {}

    static Stream<Arguments> table() {
        return Stream.of(
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
                        "a throttled stream that still takes records stays BEHIND though its last"
                                + " throttle is newer than its last delivery",
                        in -> {
                            in.delivered = 40;
                            in.windowDelivered = 500L;
                            in.sourceRecords = 100;
                            in.lastDeliveryAt = NOW.minusSeconds(6);
                            in.lastError = "Rate exceeded for shard shardId-000000000000";
                            in.lastErrorCode = "ProvisionedThroughputExceededException";
                            in.lastErrorAt = NOW.minusSeconds(2);
                            in.behind = new Behind(8L, 400L);
                            return in;
                        },
                        DestinationState.BEHIND,
                        "catching up"),
                row(
                        "a throttled stream that took nothing in the period is ERROR",
                        in -> {
                            in.delivered = 0;
                            in.windowDelivered = 500L;
                            in.sourceRecords = 100;
                            in.lastDeliveryAt = NOW.minusSeconds(70);
                            in.lastError = "Rate exceeded for shard shardId-000000000000";
                            in.lastErrorCode = "ProvisionedThroughputExceededException";
                            in.lastErrorAt = NOW.minusSeconds(2);
                            in.behind = new Behind(800L, 70_000L);
                            return in;
                        },
                        ERROR,
                        "newer than the last delivery"),
                row(
                        "BEHIND beats LAG",
                        in -> {
                            in.delivered = 100;
                            in.lagMs = 120_000L;
                            in.behind = new Behind(10L, 1_000L);
                            return in;
                        },
                        DestinationState.BEHIND,
                        "catching up"));
    }
}
