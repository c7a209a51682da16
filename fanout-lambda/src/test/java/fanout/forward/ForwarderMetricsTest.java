package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.metrics.MetricNames;
import fanout.metrics.MetricsSnapshot;
import fanout.metrics.TargetTotals;
import fanout.testing.FakeKinesis;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Per-target metrics are published, and their failure never fails the batch. */
class ForwarderMetricsTest {
    private final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
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
        assertThat(h.totals("denied").count(MetricNames.FAILED))
                .as("denied stays behind, recoverable, not failed")
                .isZero();
        assertThat(h.totals("denied").count(MetricNames.DELIVERED)).isZero();
        assertThat(h.state.cursor("denied").owed()).isEqualTo(3);
    }

    @Test
    void cloudWatchAnsweringAfterThirtySecondsDoesNotHoldTheInvocationPastItsBudget() {
        CompletableFuture<Void> answersInThirtySeconds = new CompletableFuture<>();
        h.metrics = m -> answersInThirtySeconds; // never completes within this test
        h.budget = Duration.ofMillis(500);
        h.target("t1", "s1");
        long start = System.nanoTime();

        List<String> handBacks = h.forward(Records.batch(2, "a"));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(handBacks).isEmpty();
        assertThat(h.kinesis.written("s1")).hasSize(2);
        // Budget 0.5 s plus Forwarder.AFTER_DEADLINE (1 s); loose, far from the 30 s answer.
        assertThat(took).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aMetricsFailureNeverFailsTheBatch() {
        h.metrics =
                m -> CompletableFuture.failedFuture(new IllegalStateException("CloudWatch down"));
        h.target("t1", "s1");

        assertThat(h.forward(Records.batch(2, "a"))).isEmpty();
        assertThat(h.kinesis.written("s1")).hasSize(2);
    }
}
