package fanout.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class GuardedMetricsPublisherTest {
    private final SettableClock clock = new SettableClock();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();

    private GuardedMetricsPublisher guarding(MetricsPublisher publisher) {
        return new GuardedMetricsPublisher(l -> publisher, clock, Duration.ofMillis(50), log::add);
    }

    @Test
    void aSlowPublishIsWaitedForOnlyTheGraceAndAFailedOneLeavesCloudWatchAloneUntilTheRetry()
            throws Exception {
        CompletableFuture<Void> slow = new CompletableFuture<>();
        GuardedMetricsPublisher guard =
                guarding(
                        m -> {
                            calls.incrementAndGet();
                            return slow;
                        });

        guard.publish(new InvocationMetrics()).get(); // ends after the grace, without an answer
        assertThat(guard.open()).as("slow is not failing: its datums still count").isFalse();
        assertThat(guard.publish(new InvocationMetrics()))
                .as("an earlier publish still in flight: not waited for at all")
                .isCompleted();
        assertThat(calls).hasValue(2);

        slow.completeExceptionally(new IllegalStateException("call timed out"));
        assertThat(guard.open()).isTrue();
        assertThat(guard.publish(new InvocationMetrics())).isCompleted();
        assertThat(calls).as("CloudWatch left alone").hasValue(2);
        assertThat(log).anyMatch(line -> line.contains("metrics dropped (1 publishes so far)"));

        clock.now = clock.now.plus(GuardedMetricsPublisher.RETRY_EVERY);
        guard.publish(new InvocationMetrics());
        assertThat(calls).as("tried again once the retry period passed").hasValue(3);
    }

    @Test
    void aFailureThePublisherOnlyLogsOpensTheBreakerToo() {
        Consumer<String>[] publisherLog = new Consumer[1];
        GuardedMetricsPublisher guard =
                new GuardedMetricsPublisher(
                        l -> {
                            publisherLog[0] = l;
                            return m -> {
                                calls.incrementAndGet();
                                l.accept("fanout: 1 of 1 PutMetricData calls failed");
                                return CompletableFuture.completedFuture(null);
                            };
                        },
                        clock,
                        Duration.ofMillis(50),
                        log::add);

        assertThat(guard.publish(new InvocationMetrics())).isCompleted();
        assertThat(guard.open()).isTrue();
        guard.publish(new InvocationMetrics());

        assertThat(calls).hasValue(1);
        assertThat(log).contains("fanout: 1 of 1 PutMetricData calls failed");
    }

    @Test
    void aHealthyPublisherIsCalledEveryTimeAndTheBreakerStaysClosed() {
        GuardedMetricsPublisher guard =
                guarding(
                        m -> {
                            calls.incrementAndGet();
                            return CompletableFuture.completedFuture(null);
                        });

        for (int i = 0; i < 3; i++) {
            assertThat(guard.publish(new InvocationMetrics())).isCompleted();
        }

        assertThat(calls).hasValue(3);
        assertThat(guard.open()).isFalse();
        assertThat(log).isEmpty();
    }
}
