package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.catchup.ShardReading;
import fanout.record.SourceRecord;
import fanout.state.ShardPosition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One reader per shard and invocation, from the lowest cursor, at most two reads. */
class ShardReadingTest {
    private final FakeSource source = new FakeSource();

    @Test
    void oneReadFromTheLowestCursorServesEveryDestinationItCovers() {
        source.append(Records.range(1, 10, "k"));
        List<SourceRecord> batch = Records.range(11, 12, "k");
        source.append(batch);
        Map<String, ShardPosition> wanting = new LinkedHashMap<>();
        wanting.put("far", ShardPosition.at(Records.sequence(2)));
        wanting.put("near", ShardPosition.after(Records.sequence(7)));

        ShardReading.Result result =
                new ShardReading(source, 100)
                        .read(Records.SOURCE_ARN, Records.SHARD, batch, wanting);

        assertThat(source.reads).hasValue(1);
        assertThat(source.opened).containsExactly(ShardPosition.at(Records.sequence(2)));
        assertThat(payloads(result.lists().get("far")))
                .containsExactlyElementsOf(Records.payloads(2, 12));
        assertThat(payloads(result.lists().get("near")))
                .containsExactlyElementsOf(Records.payloads(8, 12));
        assertThat(result.reachedLive()).containsExactlyInAnyOrder("far", "near");
    }

    @Test
    void aSecondReadServesADestinationFarAheadOfTheLowestSoNobodyStarves() {
        source.append(Records.range(1, 50, "k"));
        Map<String, ShardPosition> wanting = new LinkedHashMap<>();
        wanting.put("stuck", ShardPosition.at(Records.sequence(1)));
        wanting.put("ahead", ShardPosition.at(Records.sequence(40)));

        ShardReading.Result result =
                new ShardReading(source, 5)
                        .read(Records.SOURCE_ARN, Records.SHARD, List.of(), wanting);

        assertThat(source.reads).as("never more than two GetRecords").hasValue(2);
        assertThat(payloads(result.lists().get("stuck")))
                .containsExactlyElementsOf(Records.payloads(1, 5));
        assertThat(payloads(result.lists().get("ahead")))
                .containsExactlyElementsOf(Records.payloads(40, 44));
    }

    private static List<String> payloads(List<SourceRecord> records) {
        return records.stream().map(r -> new String(r.data())).toList();
    }
}
