package fanout.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InvocationMetricsTest {
    private final InvocationMetrics metrics = new InvocationMetrics();

    @Test
    void anAttemptedTargetPublishesDeliveredZeroButNoOtherZeros() {
        metrics.attempted("src", "ab12");
        metrics.count("src", "cd34", MetricNames.FAILED, 0);
        metrics.count("src", "cd34", MetricNames.THROTTLED, 3);

        List<TargetTotals> targets = metrics.snapshot().targets();

        assertThat(targets).extracting(TargetTotals::targetId).containsExactly("ab12", "cd34");
        assertThat(targets.get(0).counts()).containsExactly(Map.entry(MetricNames.DELIVERED, 0L));
        assertThat(targets.get(1).counts())
                .containsExactly(
                        Map.entry(MetricNames.DELIVERED, 0L), Map.entry(MetricNames.THROTTLED, 3L));
        assertThat(targets.get(0).lagStatistics()).isEmpty();
    }

    @Test
    void sumsCountsPerTargetAndSourceInvocationsAndRecords() {
        metrics.invocation("src");
        metrics.recordsIn("src", 40);
        metrics.recordsIn("src", 2);
        metrics.count("src", "ab12", MetricNames.DELIVERED, 40);
        metrics.count("src", "ab12", MetricNames.DELIVERED, 2);
        metrics.count("src", "ab12", MetricNames.RESENT, 5);
        metrics.count("other", "ab12", MetricNames.DELIVERED, 1);

        MetricsSnapshot snapshot = metrics.snapshot();

        assertThat(snapshot.sources()).containsExactly(new SourceTotals("src", 1, 42));
        assertThat(snapshot.targets())
                .extracting(TargetTotals::sourceStream)
                .containsExactly("other", "src");
        assertThat(snapshot.targets().get(1).count(MetricNames.DELIVERED)).isEqualTo(42);
        assertThat(snapshot.targets().get(1).count(MetricNames.RESENT)).isEqualTo(5);
        assertThat(snapshot.targets().get(0).count(MetricNames.DELIVERED)).isEqualTo(1);
    }

    @Test
    void keepsDeliveryLagAsAStatisticSetAndCountsNegativeLagAsZero() {
        metrics.lag("src", "ab12", 120);
        metrics.lag("src", "ab12", 80.5);
        metrics.lag("src", "ab12", -30);

        LagStatistics lag = metrics.snapshot().targets().get(0).lag();

        assertThat(lag).isEqualTo(new LagStatistics(3, 200.5, 0, 120));
        assertThat(metrics.snapshot().targets().get(0).count(MetricNames.DELIVERED)).isZero();
    }

    @Test
    void countsFromManyThreadsAddUp() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String target = "t" + (t % 2);
                tasks.add(
                        pool.submit(
                                () -> {
                                    for (int i = 0; i < 10_000; i++) {
                                        metrics.count("src", target, MetricNames.DELIVERED, 1);
                                        metrics.lag("src", target, i);
                                        metrics.recordsIn("src", 1);
                                    }
                                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } finally {
            pool.shutdown();
        }

        MetricsSnapshot snapshot = metrics.snapshot();

        assertThat(snapshot.sources().get(0).recordsIn()).isEqualTo(80_000);
        assertThat(snapshot.targets())
                .allSatisfy(
                        target -> {
                            assertThat(target.count(MetricNames.DELIVERED)).isEqualTo(40_000);
                            assertThat(target.lag().sampleCount()).isEqualTo(40_000);
                            assertThat(target.lag().maximum()).isEqualTo(9_999);
                        });
    }

    @Test
    void rejectsNamesThatAreNotPerTargetCountsAndBadValues() {
        assertThatThrownBy(() -> metrics.count("src", "ab12", MetricNames.RECORDS_IN, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'RecordsIn' is not a per-target count");
        assertThatThrownBy(() -> metrics.count("src", "ab12", MetricNames.DELIVERED, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> metrics.count("src", " ", MetricNames.DELIVERED, 1))
                .hasMessageContaining("targetId must not be blank");
        assertThatThrownBy(() -> metrics.lag("src", "ab12", Double.NaN))
                .hasMessageContaining("finite");
    }

    @Test
    void aSnapshotDoesNotChangeWhenCountingGoesOn() {
        metrics.count("src", "ab12", MetricNames.DELIVERED, 1);
        MetricsSnapshot before = metrics.snapshot();

        metrics.count("src", "ab12", MetricNames.DELIVERED, 1);

        assertThat(before.targets().get(0).count(MetricNames.DELIVERED)).isEqualTo(1);
        assertThat(metrics.snapshot().targets().get(0).count(MetricNames.DELIVERED)).isEqualTo(2);
    }
}
