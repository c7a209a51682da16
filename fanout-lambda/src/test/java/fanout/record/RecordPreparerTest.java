package fanout.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecordPreparerTest {
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-25T17:00:00Z"), ZoneOffset.UTC);

    @Test
    void deaggregatingSplitsAggregatesIntoUserRecordsWithTheirOwnKeysAndSubSequences() {
        List<SourceRecord> sources = EventFixtures.records("kpl-hello-retail");

        List<PreparedRecord> prepared =
                new RecordPreparer(RecordTransform.none()).prepare(sources, true);

        List<EventFixtures.ExpectedUser> expected = EventFixtures.expectedUsers("kpl-hello-retail");
        assertThat(prepared).hasSize(7).allMatch(PreparedRecord::sendable);
        assertThat(prepared)
                .extracting(PreparedRecord::subSequence)
                .containsExactly(0, 1, 2, 3, 0, 0, 1);
        assertThat(prepared)
                .extracting(p -> p.source().sequenceNumber())
                .containsExactly(
                        sources.get(0).sequenceNumber(),
                        sources.get(0).sequenceNumber(),
                        sources.get(0).sequenceNumber(),
                        sources.get(0).sequenceNumber(),
                        sources.get(1).sequenceNumber(),
                        sources.get(2).sequenceNumber(),
                        sources.get(2).sequenceNumber());
        assertThat(prepared)
                .extracting(PreparedRecord::partitionKey)
                .containsExactlyElementsOf(
                        expected.stream().map(EventFixtures.ExpectedUser::partitionKey).toList());
        assertThat(prepared)
                .extracting(PreparedRecord::explicitHashKey)
                .containsExactlyElementsOf(
                        expected.stream()
                                .map(EventFixtures.ExpectedUser::explicitHashKey)
                                .toList());
        assertThat(prepared)
                .extracting(p -> new String(p.data(), StandardCharsets.UTF_8))
                .containsExactlyElementsOf(
                        expected.stream().map(EventFixtures.ExpectedUser::data).toList());
    }

    @Test
    void withoutDeaggregationEachSourceRecordIsSentAsItCame() {
        List<SourceRecord> sources = EventFixtures.records("kpl-hello-retail");

        List<PreparedRecord> prepared =
                new RecordPreparer(RecordTransform.none()).prepare(sources, false);

        assertThat(prepared).hasSize(3).allMatch(PreparedRecord::sendable);
        for (int i = 0; i < sources.size(); i++) {
            assertThat(prepared.get(i).source()).isEqualTo(sources.get(i));
            assertThat(prepared.get(i).subSequence()).isZero();
            assertThat(prepared.get(i).partitionKey()).isEqualTo(sources.get(i).partitionKey());
            assertThat(prepared.get(i).explicitHashKey()).isNull();
            assertThat(prepared.get(i).data()).isSameAs(sources.get(i).data());
        }
    }

    @Test
    void helloRetailRejectsAggregatesThatAreNotDeaggregatedButSendsThePlainRecord() {
        List<SourceRecord> sources = EventFixtures.records("kpl-hello-retail");

        List<PreparedRecord> prepared =
                new RecordPreparer(RecordTransform.named("hello-retail", CLOCK))
                        .prepare(sources, false);

        assertThat(prepared)
                .extracting(PreparedRecord::sendable)
                .containsExactly(false, true, false);
        assertThat(prepared.get(0).rejection())
                .startsWith("payload is not JSON (hello-retail transform)");
        assertThat(new String(prepared.get(1).data(), StandardCharsets.UTF_8))
                .contains("\"eventId\":\"" + sources.get(1).eventId() + "\"");
    }

    @Test
    void eachUserRecordOfAnAggregateGetsItsOwnEventIdAndARepeatGetsTheSameOnes() {
        List<SourceRecord> sources = EventFixtures.records("kpl-hello-retail");
        RecordPreparer preparer = new RecordPreparer(RecordTransform.named("hello-retail", CLOCK));

        List<String> ids = eventIds(preparer.prepare(sources, true));

        String first = sources.get(0).eventId();
        String third = sources.get(2).eventId();
        assertThat(ids)
                .containsExactly(
                        first + ":0",
                        first + ":1",
                        first + ":2",
                        first + ":3",
                        sources.get(1).eventId(),
                        third + ":0",
                        third + ":1");
        assertThat(eventIds(preparer.prepare(sources, true))).isEqualTo(ids);
    }

    private static List<String> eventIds(List<PreparedRecord> prepared) {
        List<String> ids = new ArrayList<>();
        for (PreparedRecord record : prepared) {
            String json = new String(record.data(), StandardCharsets.UTF_8);
            int start = json.indexOf("\"eventId\":\"") + "\"eventId\":\"".length();
            ids.add(json.substring(start, json.indexOf('"', start)));
        }
        return ids;
    }

    @Test
    void helloRetailRejectsTheNonJsonRecordsOfABatchAndTransformsTheRest() {
        List<PreparedRecord> prepared =
                new RecordPreparer(RecordTransform.named("hello-retail", CLOCK))
                        .prepare(EventFixtures.records("plain-non-json"), true);

        assertThat(prepared)
                .extracting(PreparedRecord::sendable)
                .containsExactly(true, false, false);
        assertThat(prepared.get(1).rejection())
                .startsWith("payload is not JSON (hello-retail transform): 'product");
        assertThat(prepared.get(2).rejection()).startsWith("payload is not a JSON object");
        assertThat(prepared.get(1).data()).isNull();
    }

    @Test
    void transformsEachUserRecordExactlyOnce() {
        CountingTransform counting = new CountingTransform();
        RecordPreparer preparer = new RecordPreparer(counting);
        List<SourceRecord> sources = new ArrayList<>(EventFixtures.records("kpl-large"));
        sources.addAll(EventFixtures.records("kpl-hello-retail"));

        List<PreparedRecord> prepared = preparer.prepare(sources, true);

        assertThat(counting.calls.get()).isEqualTo(107).isEqualTo(prepared.size());
        counting.calls.set(0);
        preparer.prepare(sources, false);
        assertThat(counting.calls.get()).isEqualTo(sources.size());
    }

    @Test
    void aTransformThatThrowsRejectsOnlyThatRecord() {
        RecordTransform picky =
                new RecordTransform() {
                    @Override
                    public String name() {
                        return "picky";
                    }

                    @Override
                    public Result apply(SourceRecord source, byte[] payload) {
                        if (source.partitionKey().equals("7749362")) {
                            throw new IllegalStateException("cannot handle 7749362");
                        }
                        return new Transformed(payload);
                    }
                };

        List<PreparedRecord> prepared =
                new RecordPreparer(picky)
                        .prepare(EventFixtures.records("plain-hello-retail"), false);

        assertThat(prepared)
                .extracting(PreparedRecord::sendable)
                .containsExactly(true, false, true);
        assertThat(prepared.get(1).rejection())
                .isEqualTo(
                        "transform picky failed: java.lang.IllegalStateException: cannot handle 7749362");
    }

    private static final class CountingTransform implements RecordTransform {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public Result apply(SourceRecord source, byte[] payload) {
            calls.incrementAndGet();
            return new Transformed(payload);
        }
    }
}
