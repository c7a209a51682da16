package fanout.console.status;

import fanout.state.Cursor;
import fanout.state.ShardCursors;
import fanout.state.ShardPosition;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How far a destination that is catching up from the source is behind, from the forwarder's cursors
 * (summed over shards).
 *
 * @param records source records still owed, null when unknown (a replay from a point in time)
 * @param millis how much older the first owed record is than the last one delivered live, null when
 *     unknown
 */
public record Behind(Long records, Long millis) {
    /** Every destination with a cursor on some shard of the source, by target id. */
    public static Map<String, Behind> of(List<ShardCursors> shards) {
        Map<String, Behind> behind = new HashMap<>();
        for (ShardCursors shard : shards) {
            shard.cursors()
                    .forEach(
                            (id, cursor) -> {
                                if (cursor.position().type() != ShardPosition.Type.LATEST) {
                                    behind.merge(id, one(shard, cursor), Behind::plus);
                                }
                            });
        }
        return behind;
    }

    private static Behind one(ShardCursors shard, Cursor cursor) {
        Long records = cursor.owed() == Cursor.UNKNOWN ? null : cursor.owed();
        Long millis =
                shard.liveAt() == null || cursor.since() == null
                        ? null
                        : Math.max(0, Duration.between(cursor.since(), shard.liveAt()).toMillis());
        return new Behind(records, millis);
    }

    private Behind plus(Behind other) {
        Long sum = records == null || other.records == null ? null : records + other.records;
        Long max =
                millis == null
                        ? other.millis
                        : other.millis == null ? millis : Math.max(millis, other.millis);
        return new Behind(sum, max);
    }

    /** "120 records, 45 s behind", with what is known. */
    public String describe() {
        String count = records == null ? "an unknown number of records" : records + " records";
        return millis == null ? count + " behind" : count + ", " + millis / 1000 + " s behind";
    }
}
