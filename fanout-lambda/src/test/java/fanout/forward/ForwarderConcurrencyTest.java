package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.testing.FakeKinesis;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Destinations are served at once, within the configured bound, at one call each. */
class ForwarderConcurrencyTest {
    private final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
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
}
