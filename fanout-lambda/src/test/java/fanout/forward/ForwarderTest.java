package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fanout.metrics.MetricNames;
import fanout.metrics.MetricsSnapshot;
import fanout.metrics.TargetTotals;
import fanout.record.SourceRecord;
import fanout.state.Checkpoint;
import fanout.state.LastError;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ForwarderTest {
    private final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void everyActiveDestinationReceivesEveryRecordAndNothingGoesBack() {
        h.target("t1", "s1");
        h.target("t2", "s2");
        h.mappings.add(fanout.mapping.Mapping.kinesis(Records.SOURCE_ARN, "off", "s3")); // inactive

        List<String> handBack = h.forward(Records.batch(5, "a", "b"));

        assertThat(handBack).isEmpty();
        assertThat(h.kinesis.written("s1")).containsExactlyElementsOf(Records.payloads(1, 5));
        assertThat(h.kinesis.written("s2")).containsExactlyElementsOf(Records.payloads(1, 5));
        assertThat(h.kinesis.calls("s3")).isEmpty();
        assertThat(h.published).hasValue(1);
        assertThat(h.state.checkpointWrites).isZero();
    }

    @Test
    void throttlingDeniedAndMissingDestinationsDoNotFailTheBatchForTheOthers() {
        h.target("ok1", "s1");
        h.target("denied", "sDenied");
        h.target("missing", "sMissing");
        h.target("throttles", "sThrottled");
        h.target("ok2", "s2");
        h.kinesis.denied("sDenied").missing("sMissing");
        h.kinesis.behave(
                "sThrottled",
                new FakeKinesis.Behavior() {
                    @Override
                    public String entryError(int call, int index, String data) {
                        return call < 3 && index % 2 == 0
                                ? "ProvisionedThroughputExceededException"
                                : null;
                    }
                });

        List<String> handBack = h.forward(Records.batch(6, "a", "b"));

        assertThat(handBack).isEmpty();
        assertThat(h.kinesis.written("s1")).containsExactlyElementsOf(Records.payloads(1, 6));
        assertThat(h.kinesis.written("s2")).containsExactlyElementsOf(Records.payloads(1, 6));
        assertThat(h.kinesis.written("sThrottled"))
                .containsExactlyInAnyOrderElementsOf(Records.payloads(1, 6));
        assertThat(h.kinesis.calls("sDenied")).hasSize(1);
        assertThat(h.kinesis.calls("sMissing")).hasSize(1);
        assertThat(h.state.errorsOf("denied"))
                .extracting(LastError::code)
                .containsExactly("AccessDenied");
        assertThat(h.state.errorsOf("missing"))
                .extracting(LastError::code)
                .containsExactly("ResourceNotFound");
        assertThat(h.state.errorsOf("ok1")).isEmpty();
        assertThat(h.state.errorsOf("throttles")).isEmpty();
    }

    @Test
    void aSlowDestinationDoesNotDelayTheOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch slowStarted = new CountDownLatch(1);
        h.target("slow", "sSlow");
        for (int i = 1; i <= 6; i++) {
            h.target("t" + i, "s" + i);
        }
        h.kinesis.behave(
                "sSlow",
                new FakeKinesis.Behavior() {
                    @Override
                    public void onCall(int call) {
                        slowStarted.countDown();
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });

        CompletableFuture<List<String>> running =
                CompletableFuture.supplyAsync(() -> h.forward(Records.batch(3, "a")));

        assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> {
                            for (int i = 1; i <= 6; i++) {
                                assertThat(h.kinesis.written("s" + i)).hasSize(3);
                            }
                        });
        assertThat(running).isNotDone();
        release.countDown();
        assertThat(running.get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(h.kinesis.written("sSlow")).hasSize(3);
    }

    @Test
    void destinationsAreServedConcurrentlyWithinTheConfiguredBound() {
        h.concurrency = 3;
        CountDownLatch together = new CountDownLatch(3);
        for (int i = 1; i <= 12; i++) {
            h.target("t" + i, "s" + i);
            h.kinesis.behave(
                    "s" + i,
                    new FakeKinesis.Behavior() {
                        @Override
                        public void onCall(int call) {
                            together.countDown();
                            try {
                                // The first three wait for each other: proof they run at the same
                                // time.
                                together.await(5, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    });
        }

        h.forward(Records.batch(2, "a"));

        assertThat(h.kinesis.maxInFlight()).isEqualTo(3);
        assertThat(h.kinesis.totalCalls()).isEqualTo(12);
    }

    @Test
    void threeHundredDestinationsCostOneCallEachServedInParallel() {
        h.concurrency = 32;
        for (int i = 1; i <= 300; i++) {
            h.target("t" + i, "s" + i);
        }

        List<String> handBack = h.forward(Records.batch(10, "a", "b"));

        assertThat(handBack).isEmpty();
        assertThat(h.kinesis.totalCalls()).isEqualTo(300);
        assertThat(h.kinesis.maxInFlight()).isLessThanOrEqualTo(32);
        for (int i = 1; i <= 300; i += 37) {
            assertThat(h.kinesis.written("s" + i))
                    .containsExactlyElementsOf(Records.payloads(1, 10));
        }
        assertThat(h.preparer.plain).hasValue(1);
    }

    @Test
    void recordsArePreparedOncePerVariantNotOncePerDestination() {
        for (int i = 1; i <= 5; i++) {
            h.target("t" + i, "s" + i);
        }
        h.forward(Records.batch(4, "a"));
        assertThat(h.preparer.plain).hasValue(1);
        assertThat(h.preparer.deaggregated).hasValue(0);

        h.mappings.add(
                fanout.mapping.Mapping.kinesis(Records.SOURCE_ARN, "d1", "sd1")
                        .withActive(true)
                        .withDeaggregate(true));
        h.mappings.add(
                fanout.mapping.Mapping.kinesis(Records.SOURCE_ARN, "d2", "sd2")
                        .withActive(true)
                        .withDeaggregate(true));
        h.clock.advance(h.ttl);
        h.forward(Records.batch(4, "a"));

        assertThat(h.preparer.plain).hasValue(2);
        assertThat(h.preparer.deaggregated).hasValue(1);
        assertThat(h.kinesis.written("sd2")).hasSize(4);
    }

    @Test
    void mappingsAreReadOncePerTtl() {
        h.target("t1", "s1");
        h.forward(Records.batch(1, "a"));
        h.clock.advance(Duration.ofSeconds(10));
        h.forward(Records.batch(1, "a"));
        assertThat(h.mappingReads).hasValue(1);

        h.target("t2", "s2");
        h.clock.advance(Duration.ofSeconds(21));
        h.forward(Records.batch(1, "a"));

        assertThat(h.mappingReads).hasValue(2);
        assertThat(h.kinesis.written("s2")).hasSize(1);
    }

    @Test
    void invalidRowsAreSkippedWithTheirReasonAsLastError() {
        h.target("good", "s1");
        h.mappings.add(
                new fanout.mapping.Mapping(
                        Records.SOURCE_ARN,
                        "sqs1",
                        "sqs",
                        "q",
                        true,
                        true,
                        null,
                        null,
                        null,
                        null,
                        false,
                        false,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        0));
        h.mappings.add(
                fanout.mapping.Mapping.kinesis(Records.SOURCE_ARN, "nodest", null)
                        .withActive(true));
        h.mappings.add(
                fanout.mapping.Mapping.kinesis(Records.SOURCE_ARN, "badrole", "s9")
                        .withActive(true)
                        .withRole("arn:aws:iam::12:role/x", null));
        h.mappings.add(
                fanout.mapping.Mapping.kinesis(
                                Records.SOURCE_ARN,
                                "badarn",
                                "arn:aws:kinesis:us-west-2:123456789012:table/x")
                        .withActive(true));

        List<String> handBack = h.forward(Records.batch(3, "a"));

        assertThat(handBack).isEmpty();
        assertThat(h.kinesis.written("s1")).hasSize(3);
        assertThat(h.kinesis.calls("s9")).isEmpty();
        LastError sqs = h.state.errorsOf("sqs1").get(0);
        assertThat(sqs.code()).isEqualTo("UnsupportedType");
        assertThat(sqs.message()).isEqualTo("unsupported target type 'sqs'");
        assertThat(h.state.errorsOf("nodest"))
                .singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo("InvalidMapping"));
        assertThat(h.state.errorsOf("badrole"))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("account '12'"));
        assertThat(h.state.errorsOf("badarn"))
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("stream/NAME"));

        // Reported once per mapping read, not once per batch.
        h.forward(Records.batch(3, "a"));
        assertThat(h.state.errorsOf("sqs1")).hasSize(1);
    }

    @Test
    void metricsArePublishedPerTargetUnderTheSourceStreamName() {
        h.target("ok", "s1");
        h.orderedTarget("bumpy", "s2");
        h.target("denied", "s3");
        h.kinesis.denied("s3");
        h.kinesis.behave(
                "s2",
                new FakeKinesis.Behavior() {
                    @Override
                    public String entryError(int call, int index, String data) {
                        return call == 0 && data.equals("r1")
                                ? "ProvisionedThroughputExceededException"
                                : null;
                    }
                });

        h.forward(Records.batch(3, "a"));

        assertThat(h.published).hasValue(1);
        MetricsSnapshot snapshot = h.snapshots.get(0);
        assertThat(snapshot.sources())
                .singleElement()
                .satisfies(
                        s -> {
                            assertThat(s.sourceStream()).isEqualTo("coreRetailStream");
                            assertThat(s.recordsIn()).isEqualTo(3);
                            assertThat(s.invocations()).isEqualTo(1);
                        });
        assertThat(h.totals("ok").count(MetricNames.DELIVERED)).isEqualTo(3);
        assertThat(h.totals("ok").lagStatistics()).isPresent();
        TargetTotals bumpy = h.totals("bumpy");
        assertThat(bumpy.count(MetricNames.DELIVERED)).isEqualTo(3);
        assertThat(bumpy.count(MetricNames.THROTTLED)).isEqualTo(1);
        assertThat(bumpy.count(MetricNames.RESENT)).isEqualTo(2);
        assertThat(h.totals("denied").count(MetricNames.FAILED)).isEqualTo(3);
        assertThat(h.totals("denied").count(MetricNames.DELIVERED)).isZero();
    }

    @Test
    void aMetricsFailureNeverFailsTheBatch() {
        h.metrics =
                m -> CompletableFuture.failedFuture(new IllegalStateException("CloudWatch down"));
        h.target("t1", "s1");

        assertThat(h.forward(Records.batch(2, "a"))).isEmpty();
        assertThat(h.kinesis.written("s1")).hasSize(2);
    }

    @Test
    void rolesArePassedWithASessionNameNamingTheMapping() {
        h.mappings.add(
                fanout.mapping.Mapping.kinesis(Records.SOURCE_ARN, "ab12", "ab12Stream")
                        .withActive(true)
                        .withRole("arn:aws:iam::210987654321:role/ab12StreamWriter", "ext-1"));

        h.forward(Records.batch(1, "a"));

        assertThat(h.rolesAsked)
                .singleElement()
                .satisfies(
                        role -> {
                            assertThat(role).isPresent();
                            assertThat(role.get().roleArn())
                                    .isEqualTo("arn:aws:iam::210987654321:role/ab12StreamWriter");
                            assertThat(role.get().externalId()).contains("ext-1");
                            assertThat(role.get().sessionName()).isEqualTo("fanout-ab12");
                        });
    }

    static List<SourceRecord> from(List<SourceRecord> batch, int firstSequence) {
        return batch.stream()
                .filter(r -> r.sequenceNumber().compareTo(Records.sequence(firstSequence)) >= 0)
                .toList();
    }

    static Checkpoint checkpoint(Harness h, String id) {
        return h.state.checkpoint(id);
    }
}
