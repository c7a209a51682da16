package fanout.console.mapping;

import static fanout.console.mapping.LocalTargets.SOURCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.console.problem.AwsAccessException;
import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoMappingRepositoryIT {
    private static final String OTHER_SOURCE =
            "arn:aws:kinesis:us-west-2:123456789012:stream/otherStream";
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static LocalTargets local;

    private String table;
    private DynamoMappingRepository repository;

    @BeforeAll
    static void start() {
        local = new LocalTargets();
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    @BeforeEach
    void freshTable() {
        table = local.createTable("repo" + TABLES.incrementAndGet());
        repository = local.repository(table);
    }

    private static Mapping student(String source, String id) {
        return Mapping.kinesis(source, id, id + "Stream")
                .withRegion("us-west-2")
                .withRole("arn:aws:iam::111122223333:role/" + id + "StreamWriter", null);
    }

    @Test
    void listingReadsEveryPageOfTheSourceAndScanReadsEveryPageOfTheTable() {
        List<Mapping> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(student(SOURCE, String.format("s%03d", i)));
        }
        rows.add(student(OTHER_SOURCE, "zz99"));
        repository.createAll(rows);
        DynamoMappingRepository smallPages =
                new DynamoMappingRepository(
                        local.dynamo(), table, "us-west-2", LocalTargets.CLOCK, pause -> {}, 7);
        assertThat(smallPages.list(SOURCE)).hasSize(30);
        assertThat(smallPages.listAll()).hasSize(31);
    }

    @Test
    void writesStampTimesFromTheClockAndStartAtVersionOne() {
        Mapping created = repository.create(student(SOURCE, "ab12"));
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.createdAt()).isEqualTo("2026-11-25T09:00:00Z");
        assertThat(repository.get(SOURCE, "ab12")).contains(created);
    }

    @Test
    void creatingAnExistingIdIsRefused() {
        repository.create(student(SOURCE, "ab12"));
        assertThatThrownBy(() -> repository.create(student(SOURCE, "ab12")))
                .isInstanceOf(MappingExistsException.class)
                .hasMessageContaining("'ab12' already exists")
                .hasMessageContaining("--overwrite");
    }

    @Test
    void anUpdateKeepsAttributesThatAnotherToolWrote() {
        Map<String, AttributeValue> item =
                new HashMap<>(MappingCodec.toItem(student(SOURCE, "ab12")));
        item.remove("version");
        item.put("team", AttributeValue.fromS("red"));
        item.put("jsonifyFields", AttributeValue.fromS("a,b"));
        local.dynamo().putItem(r -> r.tableName(table).item(item));

        Mapping read = repository.get(SOURCE, "ab12").orElseThrow();
        assertThat(read.version()).isZero();
        Mapping updated = repository.update(read.withActive(true).withRole(null, null));

        Map<String, AttributeValue> stored =
                local.dynamo()
                        .getItem(r -> r.tableName(table).key(MappingCodec.key(SOURCE, "ab12")))
                        .item();
        assertThat(stored).containsEntry("team", AttributeValue.fromS("red"));
        assertThat(stored).containsEntry("jsonifyFields", AttributeValue.fromS("a,b"));
        assertThat(stored).containsEntry("active", AttributeValue.fromBool(true));
        assertThat(stored).doesNotContainKey("role");
        assertThat(stored.get("version").n()).isEqualTo("1");
        assertThat(updated.version()).isEqualTo(1);
    }

    @Test
    void aStaleUpdateIsAConflictThatSaysWhatHappened() {
        repository.create(student(SOURCE, "ab12"));
        Mapping mine = repository.get(SOURCE, "ab12").orElseThrow();
        repository.update(mine.withParallel(false));
        assertThatThrownBy(() -> repository.update(mine.withActive(true)))
                .isInstanceOf(MappingConflictException.class)
                .hasMessageContaining("'ab12' was changed by someone else")
                .hasMessageContaining("version 1 read, table now has version 2")
                .hasMessageContaining("nothing was written");
        assertThat(repository.get(SOURCE, "ab12").orElseThrow().active()).isFalse();
    }

    @Test
    void updatingARemovedRowIsAConflictToo() {
        Mapping mine = repository.create(student(SOURCE, "ab12"));
        repository.delete(SOURCE, "ab12");
        assertThatThrownBy(() -> repository.update(mine.withActive(true)))
                .isInstanceOf(MappingConflictException.class)
                .hasMessageContaining("was removed");
        assertThat(repository.get(SOURCE, "ab12")).isEmpty();
    }

    @Test
    void threeHundredNewRowsTakeAtMostTwelveBatchWriteCalls() {
        List<Mapping> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(student(SOURCE, String.format("s%03d", i)));
        }
        local.resetCount();
        BatchWriteOutcome outcome = repository.createAll(rows);
        assertThat(local.batchWrites()).isLessThanOrEqualTo(12);
        assertThat(outcome.complete()).isTrue();
        assertThat(repository.list(SOURCE)).hasSize(300);
        BatchWriteOutcome removed = repository.deleteAll(repository.list(SOURCE));
        assertThat(removed.done()).hasSize(300);
        assertThat(repository.list(SOURCE)).isEmpty();
    }

    @Test
    void aMissingTableTellsTheLeaderToDeploy() {
        DynamoMappingRepository missing = local.repository("nopeTargets");
        assertThatThrownBy(() -> missing.list(SOURCE))
                .isInstanceOf(AwsAccessException.class)
                .hasMessageContaining("table nopeTargets does not exist in us-west-2")
                .hasMessageContaining("run `fanout deploy`");
    }
}
