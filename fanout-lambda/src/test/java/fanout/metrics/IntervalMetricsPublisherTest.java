package fanout.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class IntervalMetricsPublisherTest {
    private final SettableClock clock = new SettableClock();
    private final List<MetricsSnapshot> sent = new ArrayList<>();
    private final MetricsPublisher recording =
            m -> {
                sent.add(m.snapshot());
                return CompletableFuture.completedFuture(null);
            };

    private static InvocationMetrics invocation(long delivered, double lag) {
        InvocationMetrics metrics = new InvocationMetrics();
        metrics.invocation("src");
        metrics.recordsIn("src", delivered);
        metrics.count("src", "ab12", MetricNames.DELIVERED, delivered);
        metrics.lag("src", "ab12", lag);
        return metrics;
    }

    @Test
    void aZeroIntervalPublishesEveryInvocationThroughTheSamePublisher() {
        assertThat(IntervalMetricsPublisher.every(Duration.ZERO, recording, clock))
                .isSameAs(recording);
    }

    @Test
    void invocationsWithinTheIntervalAreAddedUpAndSentWithTheNextOnePastIt() {
        MetricsPublisher publisher =
                IntervalMetricsPublisher.every(Duration.ofSeconds(10), recording, clock);

        publisher.publish(invocation(100, 50)).join();
        clock.now = clock.now.plusSeconds(3);
        publisher.publish(invocation(100, 20)).join();
        clock.now = clock.now.plusSeconds(3);
        publisher.publish(invocation(100, 90)).join();
        assertThat(sent).hasSize(1);

        clock.now = clock.now.plusSeconds(5);
        publisher.publish(invocation(100, 40)).join();

        assertThat(sent).hasSize(2);
        MetricsSnapshot added = sent.get(1);
        assertThat(added.sources()).containsExactly(new SourceTotals("src", 3, 300));
        TargetTotals target = added.targets().get(0);
        assertThat(target.count(MetricNames.DELIVERED)).isEqualTo(300);
        assertThat(target.lagStatistics()).hasValue(new LagStatistics(3, 150, 20, 90));
    }
}
