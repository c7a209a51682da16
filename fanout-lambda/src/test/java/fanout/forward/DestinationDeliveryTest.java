package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.record.PreparedRecord;
import fanout.record.SourceRecord;
import fanout.testing.FakeKinesis;
import fanout.testing.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DestinationDeliveryTest {
    private final FakeKinesis kinesis = new FakeKinesis();
    private final ManualClock clock = new ManualClock();
    private final Sinks sinks = Sinks.standard(new SingleClientFactory(kinesis));

    private DestinationReport deliver(
            boolean parallel, List<SourceRecord> records, Duration budget) {
        Destination destination =
                new Destination(
                        "t1", "kinesis", "s1", "us-west-2", Optional.empty(), parallel, false);
        RetryPolicy retry = RetryPolicy.standard(new Random(3), clock::advance);
        return new DestinationDelivery(destination, retry, clock, Deadline.after(clock, budget))
                .deliver(sinks, records.stream().map(Records::prepared).toList());
    }

    private DestinationReport deliver(boolean parallel, List<SourceRecord> records) {
        return deliver(parallel, records, Duration.ofSeconds(30));
    }

    @Test
    void throttledEntriesAreRetriedAndOnlyThose() {
        kinesis.behave(
                "s1",
                new FakeKinesis.Behavior() {
                    @Override
                    public String entryError(int call, int index, String data) {
                        return call == 0 && (index == 1 || index == 3)
                                ? "ProvisionedThroughputExceededException"
                                : null;
                    }
                });

        DestinationReport report = deliver(true, Records.batch(5, "a", "b", "c", "d", "e"));

        assertThat(kinesis.calls("s1"))
                .containsExactly(Records.payloads(1, 5), List.of("r2", "r4"));
        assertThat(kinesis.written("s1"))
                .containsExactlyInAnyOrderElementsOf(Records.payloads(1, 5));
        assertThat(report.delivered()).isEqualTo(5);
        assertThat(report.throttled()).isEqualTo(2);
        assertThat(report.resent()).isZero();
        assertThat(report.complete()).isTrue();
        assertThat(report.lastProblem()).isEmpty();
    }

    @Test
    void retriesWaitWithGrowingJitteredBackoffWithinTheBudget() {
        kinesis.throttled("s1");
        ManualClock start = new ManualClock(clock.instant());

        DestinationReport report = deliver(true, Records.batch(3, "a"), Duration.ofSeconds(5));

        int calls = kinesis.calls("s1").size();
        assertThat(calls).isGreaterThan(3);
        // Full jitter never waits more than the cap; all waiting fits in the budget.
        assertThat(Duration.between(start.instant(), clock.instant()))
                .isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(report.complete()).isFalse();
        assertThat(report.undelivered())
                .containsExactlyInAnyOrder(
                        Records.sequence(1), Records.sequence(2), Records.sequence(3));
        assertThat(report.lastProblem())
                .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("Throttled"));
        assertThat(report.throttled()).isEqualTo(3L * calls);
    }

    @Test
    void orderedDestinationResendsTheLaterEntriesOfAFailedKeyInOrder() {
        // Keys: r1 a, r2 b, r3 a, r4 b, r5 a. r3 fails once; r5 (same key, written) must follow it.
        kinesis.behave(
                "s1",
                new FakeKinesis.Behavior() {
                    @Override
                    public String entryError(int call, int index, String data) {
                        return call == 0 && data.equals("r3")
                                ? "ProvisionedThroughputExceededException"
                                : null;
                    }
                });

        DestinationReport report = deliver(false, Records.batch(5, "a", "b"));

        assertThat(kinesis.calls("s1"))
                .containsExactly(Records.payloads(1, 5), List.of("r3", "r5"));
        assertThat(report.resent()).isEqualTo(1);
        assertThat(report.delivered()).isEqualTo(5);
        List<String> keyA = writtenWithKey("a");
        // The last copy of each key-a record is in source order: r1, r3, r5.
        assertThat(keyA.subList(keyA.size() - 2, keyA.size())).containsExactly("r3", "r5");
        assertThat(keyA).startsWith("r1");
        assertThat(writtenWithKey("b")).containsExactly("r2", "r4");
    }

    @Test
    void unorderedDestinationRetriesOnlyTheFailedEntry() {
        kinesis.behave(
                "s1",
                new FakeKinesis.Behavior() {
                    @Override
                    public String entryError(int call, int index, String data) {
                        return call == 0 && data.equals("r3")
                                ? "ProvisionedThroughputExceededException"
                                : null;
                    }
                });

        DestinationReport report = deliver(true, Records.batch(5, "a", "b"));

        assertThat(kinesis.calls("s1")).containsExactly(Records.payloads(1, 5), List.of("r3"));
        assertThat(report.resent()).isZero();
    }

    @Test
    void callsStayWithinFiveHundredEntriesAndFiveMebibytes() {
        List<SourceRecord> many = Records.batch(1200, "a", "b", "c");
        deliver(true, many);
        assertThat(kinesis.calls("s1")).extracting(List::size).containsExactly(500, 500, 200);

        FakeKinesis big = new FakeKinesis();
        String payload = "x".repeat(900 * 1024);
        List<SourceRecord> large = new java.util.ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            large.add(Records.record(i, "k", payload + i));
        }
        Destination destination =
                new Destination("t2", "kinesis", "big", "us-west-2", Optional.empty(), true, false);
        new DestinationDelivery(
                        destination,
                        RetryPolicy.standard(new Random(1), clock::advance),
                        clock,
                        Deadline.after(clock, Duration.ofSeconds(30)))
                .deliver(
                        Sinks.standard(new SingleClientFactory(big)),
                        large.stream().map(Records::prepared).toList());
        assertThat(big.calls("big")).extracting(List::size).containsExactly(5, 5, 2);
        assertThat(big.written("big")).hasSize(12);
    }

    @Test
    void anEntryOverOneMebibyteIsRejectedAsTooLargeAndTheRestDelivered() {
        List<SourceRecord> records =
                List.of(
                        Records.record(1, "a", "small"),
                        Records.record(2, "a", "y".repeat(1024 * 1024)),
                        Records.record(3, "a", "also small"));

        DestinationReport report = deliver(false, records);

        assertThat(kinesis.written("s1")).containsExactly("small", "also small");
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.delivered()).isEqualTo(2);
        assertThat(report.lastProblem())
                .hasValueSatisfying(
                        p -> {
                            assertThat(p.code()).isEqualTo("TooLarge");
                            assertThat(p.message()).contains("too large");
                        });
        assertThat(report.complete()).isTrue();
    }

    @Test
    void aRecordThePreparerRejectedIsCountedNotSent() {
        SourceRecord bad = Records.record(2, "a", "not json");
        List<PreparedRecord> prepared =
                List.of(
                        Records.prepared(Records.record(1, "a", "{}")),
                        new PreparedRecord(bad, 0, "a", null, null, "payload is not JSON"));
        Destination destination =
                new Destination("t1", "kinesis", "s1", "us-west-2", Optional.empty(), true, false);

        DestinationReport report =
                new DestinationDelivery(
                                destination,
                                RetryPolicy.standard(new Random(1), clock::advance),
                                clock,
                                Deadline.after(clock, Duration.ofSeconds(30)))
                        .deliver(sinks, prepared);

        assertThat(kinesis.written("s1")).containsExactly("{}");
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.lastProblem())
                .hasValueSatisfying(p -> assertThat(p.message()).isEqualTo("payload is not JSON"));
    }

    @Test
    void aDeniedDestinationStopsAtOnceAndStillOwesEveryRecordToCatchUpOnceFixed() {
        kinesis.denied("s1");

        DestinationReport report = deliver(true, Records.batch(4, "a"));

        assertThat(kinesis.calls("s1")).hasSize(1);
        assertThat(report.failed()).as("not lost: the student may fix it").isZero();
        assertThat(report.undelivered()).hasSize(4);
        assertThat(report.lastProblem())
                .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("AccessDenied"));
    }

    @Test
    void aRoleThatCannotBeAssumedYetStopsAtOnceButKeepsEveryRecordOwed() {
        kinesis.behave(
                "s1",
                new FakeKinesis.Behavior() {
                    @Override
                    public void onCall(int call) {
                        throw software.amazon.awssdk.core.exception.SdkClientException.create(
                                "Unable to load credentials",
                                software.amazon.awssdk.services.sts.model.StsException.builder()
                                        .awsErrorDetails(
                                                FakeKinesis.details(
                                                        "AccessDenied",
                                                        "not authorized to perform"
                                                                + " sts:AssumeRole"))
                                        .statusCode(403)
                                        .build());
                    }
                });

        DestinationReport report = deliver(true, Records.batch(4, "a"));

        assertThat(kinesis.calls("s1")).hasSize(1);
        assertThat(report.failed()).isZero();
        assertThat(report.complete()).isFalse();
        assertThat(report.undelivered()).hasSize(4);
        assertThat(report.lastProblem())
                .hasValueSatisfying(p -> assertThat(p.code()).isEqualTo("AccessDenied"));
    }

    @Test
    void deliveryLagIsMeasuredFromArrivalToConfirmedWrite() {
        DestinationReport report = deliver(true, Records.batch(2, "a"));

        // The manual clock stands one second after the records' approximate arrival.
        assertThat(report.lagsMillis()).containsExactly(1000.0, 1000.0);
    }

    private List<String> writtenWithKey(String key) {
        List<String> data = kinesis.written("s1");
        List<String> keys = kinesis.keysWritten("s1");
        Set<Integer> idx = new java.util.TreeSet<>();
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).equals(key)) {
                idx.add(i);
            }
        }
        return idx.stream().map(data::get).collect(Collectors.toList());
    }
}
