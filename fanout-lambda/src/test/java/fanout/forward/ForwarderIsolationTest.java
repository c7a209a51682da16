package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.state.LastError;
import fanout.testing.FakeKinesis;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One destination's failure or slowness never holds the batch or the other destinations back. */
class ForwarderIsolationTest {
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
        assertThat(h.state.cursorWrites).as("nobody behind, nothing written").hasValue(0);
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
    void aStrugglingDestinationThatHangsIsLeftBehindAfterItsSliceAndTheBatchCompletesWithoutIt()
            throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch slowStarted = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean hanging =
                new java.util.concurrent.atomic.AtomicBoolean();
        h.target("slow", "sSlow");
        for (int i = 1; i <= 6; i++) {
            h.target("t" + i, "s" + i);
        }
        h.kinesis.behave(
                "sSlow",
                new FakeKinesis.Behavior() {
                    @Override
                    public void onCall(int call) {
                        if (!hanging.get()) {
                            return;
                        }
                        slowStarted.countDown();
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }

                    @Override
                    public String entryError(int call, int index, String data) {
                        return hanging.get() ? null : "ProvisionedThroughputExceededException";
                    }
                });
        h.forward(Records.range(1, 2, "a")); // it struggles: throttled, behind
        hanging.set(true);
        h.clock.advance(Standings.MAX_THROTTLED_PAUSE);

        try {
            CompletableFuture<List<String>> running =
                    CompletableFuture.supplyAsync(() -> h.forward(Records.range(3, 5, "a")));

            assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(running.get(20, TimeUnit.SECONDS)).as("no hand-back").isEmpty();
            assertThat(release.getCount()).as("answered while the call still hangs").isOne();
            for (int i = 1; i <= 6; i++) {
                assertThat(h.kinesis.written("s" + i)).hasSize(5);
            }
            assertThat(h.state.cursor("slow").owed()).as("behind, owing both batches").isEqualTo(5);
            assertThat(h.state.errorsOf("slow")).extracting(LastError::code).endsWith("Timeout");
        } finally {
            release.countDown();
        }
    }
}
