package fanout.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShardCursorsTest {
    private static final String SOURCE =
            "arn:aws:kinesis:us-west-2:123456789012:stream/coreRetailStream";

    @Test
    void aShardsCursorsSurviveTheRoundTripThroughOneItem() {
        ShardCursors cursors =
                new ShardCursors(
                        SOURCE,
                        "shardId-000000000001",
                        7,
                        "49600000000000000000000000000000000000000000000000000009",
                        Instant.parse("2026-11-25T10:00:00Z"),
                        Map.of(
                                "ab12",
                                new Cursor(
                                        ShardPosition.at("4960000000000000000000000000000000001"),
                                        12,
                                        Instant.parse("2026-11-25T09:59:00Z"),
                                        2,
                                        List.of(
                                                "4960000000000000000000000000000000003",
                                                "4960000000000000000000000000000000004")),
                                "cd34",
                                new Cursor(
                                        ShardPosition.since(Instant.parse("2026-11-25T09:00:00Z")),
                                        Cursor.UNKNOWN,
                                        null,
                                        1)));

        var item = cursors.toItem();

        assertThat(item.get("pk").s()).isEqualTo("cursor#" + SOURCE);
        assertThat(item.get("sk").s()).isEqualTo("shardId-000000000001");
        assertThat(ShardCursors.fromItem(item)).isEqualTo(cursors);
    }

    @Test
    void aPositionCarriesExactlyWhatItsIteratorTypeNeeds() {
        assertThatThrownBy(
                        () -> new ShardPosition(ShardPosition.Type.AT_SEQUENCE_NUMBER, null, null))
                .hasMessageContaining("needs a sequence number");
        assertThatThrownBy(() -> new ShardPosition(ShardPosition.Type.AT_TIMESTAMP, null, null))
                .hasMessageContaining("needs a timestamp");
        assertThatThrownBy(() -> new Cursor(ShardPosition.latest(), -2, null, 0))
                .hasMessageContaining("owed");
    }
}
