package fanout.state;

import fanout.check.Required;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cursors of one source shard, written as one item so the write is all-or-nothing: {@code pk =
 * cursor#<sourceArn>}, {@code sk = <shardId>}, {@code version} (every write is conditional on it),
 * {@code live} / {@code liveAt} (the last record delivered live and its arrival), {@code cursors}
 * (a map by target id of the destinations that are behind). A destination without a cursor is live:
 * it gets every live batch.
 *
 * @param live the sequence number of the last record of the last live batch, null before the first
 * @param liveAt approximate arrival of that record, null when unknown
 */
public record ShardCursors(
        String sourceArn,
        String shardId,
        long version,
        String live,
        Instant liveAt,
        Map<String, Cursor> cursors) {
    private static final String PREFIX = "cursor#";
    private static final String VERSION = "version";
    private static final String LIVE = "live";
    private static final String LIVE_AT = "liveAt";
    private static final String CURSORS = "cursors";

    public ShardCursors {
        Required.all("sourceArn, shardId", sourceArn, shardId);
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
        cursors = Map.copyOf(cursors);
    }

    /** No item yet: nobody behind, version 0. */
    public static ShardCursors none(String sourceArn, String shardId) {
        return new ShardCursors(sourceArn, shardId, 0, null, null, Map.of());
    }

    public static String partitionKey(String sourceArn) {
        return PREFIX + sourceArn;
    }

    /** The same cursors as the next version, to be written conditionally on this one's. */
    public ShardCursors next(String newLive, Instant newLiveAt, Map<String, Cursor> newCursors) {
        return new ShardCursors(sourceArn, shardId, version + 1, newLive, newLiveAt, newCursors);
    }

    /** Whether writing {@code other} would change anything a reader sees (the version aside). */
    public boolean sameAs(ShardCursors other) {
        return Objects.equals(live, other.live)
                && Objects.equals(liveAt, other.liveAt)
                && cursors.equals(other.cursors);
    }

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item =
                new HashMap<>(StateTable.key(partitionKey(sourceArn), shardId));
        item.put(VERSION, AttributeValue.fromN(Long.toString(version)));
        if (live != null) {
            item.put(LIVE, AttributeValue.fromS(live));
        }
        if (liveAt != null) {
            item.put(LIVE_AT, AttributeValue.fromS(liveAt.toString()));
        }
        Map<String, AttributeValue> byTarget = new TreeMap<>();
        cursors.forEach((id, cursor) -> byTarget.put(id, AttributeValue.fromM(encode(cursor))));
        item.put(CURSORS, AttributeValue.fromM(byTarget));
        return item;
    }

    public static ShardCursors fromItem(Map<String, AttributeValue> item) {
        String pk = StateTable.string(item, StateTable.PK);
        if (pk == null || !pk.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a cursor item: pk " + pk);
        }
        Map<String, Cursor> cursors = new LinkedHashMap<>();
        AttributeValue map = item.get(CURSORS);
        if (map != null && map.hasM()) {
            map.m().forEach((id, value) -> cursors.put(id, decode(value.m())));
        }
        String liveAt = StateTable.string(item, LIVE_AT);
        return new ShardCursors(
                pk.substring(PREFIX.length()),
                StateTable.string(item, StateTable.SK),
                StateTable.number(item, VERSION),
                StateTable.string(item, LIVE),
                liveAt == null ? null : Instant.parse(liveAt),
                cursors);
    }

    private static Map<String, AttributeValue> encode(Cursor cursor) {
        Map<String, AttributeValue> out = new HashMap<>();
        ShardPosition position = cursor.position();
        out.put("iterator", AttributeValue.fromS(position.type().name()));
        if (position.sequenceNumber() != null) {
            out.put("seq", AttributeValue.fromS(position.sequenceNumber()));
        }
        if (position.timestamp() != null) {
            out.put("timestamp", AttributeValue.fromS(position.timestamp().toString()));
        }
        out.put("owed", AttributeValue.fromN(Long.toString(cursor.owed())));
        if (cursor.since() != null) {
            out.put("since", AttributeValue.fromS(cursor.since().toString()));
        }
        out.put("epoch", AttributeValue.fromN(Integer.toString(cursor.epoch())));
        if (!cursor.done().isEmpty()) {
            out.put(
                    "done",
                    AttributeValue.fromL(
                            cursor.done().stream().map(AttributeValue::fromS).toList()));
        }
        return out;
    }

    private static Cursor decode(Map<String, AttributeValue> in) {
        String timestamp = StateTable.string(in, "timestamp");
        String since = StateTable.string(in, "since");
        ShardPosition position =
                new ShardPosition(
                        ShardPosition.Type.valueOf(StateTable.string(in, "iterator")),
                        StateTable.string(in, "seq"),
                        timestamp == null ? null : Instant.parse(timestamp));
        return new Cursor(
                position,
                in.containsKey("owed") ? StateTable.number(in, "owed") : Cursor.UNKNOWN,
                since == null ? null : Instant.parse(since),
                (int) StateTable.number(in, "epoch"),
                in.containsKey("done") && in.get("done").hasL()
                        ? in.get("done").l().stream().map(AttributeValue::s).toList()
                        : java.util.List.of());
    }
}
