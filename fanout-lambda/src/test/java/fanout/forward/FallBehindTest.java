package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.state.Cursor;
import fanout.state.LastError;
import fanout.state.ShardPosition;
import fanout.testing.FakeKinesis;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A destination that cannot keep up falls behind and catches up from the source; nobody waits. */
class FallBehindTest {
    private final Harness h = new Harness();
    private final AtomicBoolean broken = new AtomicBoolean(true);

    @AfterEach
    void close() {
        h.close();
    }

    /**
     * The student fixed their stream, and the pause a destination that took nothing waits before
     * its next try has passed.
     */
    private void recover() {
        broken.set(false);
        h.clock.advance(Standings.MAX_THROTTLED_PAUSE);
    }

    /** Throttles every entry while {@code broken}. */
    private void throttledWhileBroken(String stream) {
        h.kinesis.behave(
                stream,
                new FakeKinesis.Behavior() {
                    @Override
                    public String entryError(int call, int index, String data) {
                        return broken.get() ? "ProvisionedThroughputExceededException" : null;
                    }
                });
    }

    @Test
    void theSourceIsReadForTheBehindDestinationsWhileTheLiveOnesAreServed() throws Exception {
        h.target("ok", "sOk");
        h.target("stuck", "sStuck");
        throttledWhileBroken("sStuck");
        h.forward(Records.range(1, 2, "k"));
        recover();
        java.util.concurrent.CountDownLatch liveCalled = new java.util.concurrent.CountDownLatch(1);
        h.kinesis.behave(
                "sOk",
                new FakeKinesis.Behavior() {
                    @Override
                    public void onCall(int call) {
                        liveCalled.countDown();
                    }
                });
        AtomicBoolean readDuringLive = new AtomicBoolean();
        h.source.onRead =
                () -> {
                    try {
                        // Were the read made before delivery, nobody would call sOk meanwhile.
                        readDuringLive.set(
                                liveCalled.await(10, java.util.concurrent.TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                };

        h.forward(Records.range(3, 4, "k"));

        assertThat(readDuringLive).isTrue();
        assertThat(h.kinesis.written("sOk")).containsExactlyElementsOf(Records.payloads(1, 4));
        assertThat(h.kinesis.written("sStuck")).containsExactlyElementsOf(Records.payloads(1, 4));
        assertThat(h.state.cursor("stuck")).isNull();
    }

    @Test
    void aFullyThrottledDestinationTakesAtMostItsSliceAndTheShardCompletes() {
        h.slice = Duration.ofSeconds(2);
        h.budget = Duration.ofSeconds(50);
        h.target("ok", "sOk");
        h.orderedTarget("stuck", "sStuck");
        throttledWhileBroken("sStuck");
        Instant start = h.clock.instant();

        assertThat(h.forward(Records.batch(5, "k1", "k2"))).as("no hand-back").isEmpty();

        assertThat(Duration.between(start, h.clock.instant())).isLessThanOrEqualTo(h.slice);
        assertThat(h.kinesis.written("sOk")).containsExactlyElementsOf(Records.payloads(1, 5));
        Cursor stuck = h.state.cursor("stuck");
        assertThat(stuck.position()).isEqualTo(ShardPosition.at(Records.sequence(1)));
        assertThat(stuck.owed()).isEqualTo(5);
        assertThat(stuck.since()).isEqualTo(Records.ARRIVAL);
        assertThat(h.state.cursor("ok")).as("a live destination has no cursor").isNull();
        assertThat(h.totals("stuck").count(fanout.metrics.MetricNames.FAILED))
                .as("behind is not failed")
                .isZero();
        assertThat(h.state.errorsOf("stuck"))
                .extracting(LastError::code)
                .containsExactly("Throttled");
    }

    @Test
    void aRecoveredDestinationCatchesUpFromTheSourceInOrderWithoutDuplicates() {
        h.recordsPerRead = 6;
        h.target("ok", "sOk");
        h.orderedTarget("stuck", "sStuck");
        throttledWhileBroken("sStuck");
        h.forward(Records.range(1, 5, "k1", "k2"));
        h.forward(Records.range(6, 10, "k1", "k2"));
        assertThat(h.state.cursor("stuck").owed()).isEqualTo(10);
        assertThat(h.kinesis.written("sStuck")).isEmpty();

        recover();
        int readsBefore = h.source.reads.get();
        assertThat(h.forward(Records.range(11, 15, "k1", "k2"))).isEmpty();

        assertThat(h.source.reads.get() - readsBefore)
                .as("at most two GetRecords per invocation and shard")
                .isLessThanOrEqualTo(2);
        assertThat(h.source.opened).contains(ShardPosition.at(Records.sequence(1)));
        assertThat(h.kinesis.written("sStuck"))
                .as("caught up in order, once each")
                .containsExactlyElementsOf(Records.payloads(1, 15));
        assertThat(h.kinesis.written("sOk")).containsExactlyElementsOf(Records.payloads(1, 15));
        assertThat(h.state.cursor("stuck")).as("back to live").isNull();

        h.forward(Records.range(16, 17, "k1", "k2"));
        assertThat(h.kinesis.written("sStuck")).containsExactlyElementsOf(Records.payloads(1, 17));
    }

    @Test
    void recordsDeliveredPastTheFirstFailureAreNotSentAgainOnCatchUp() {
        h.target("partly", "sPartly");
        h.kinesis.behave(
                "sPartly",
                new FakeKinesis.Behavior() {
                    @Override
                    public String entryError(int call, int index, String data) {
                        boolean stubborn = data.equals("r2") || data.equals("r5");
                        return broken.get() && stubborn
                                ? "ProvisionedThroughputExceededException"
                                : null;
                    }
                });
        h.forward(Records.range(1, 6, "k1", "k2", "k3"));
        assertThat(h.kinesis.written("sPartly")).containsExactly("r1", "r3", "r4", "r6");
        assertThat(h.state.cursor("partly").owed()).isEqualTo(2);

        recover();
        h.forward(Records.range(7, 8, "k1", "k2", "k3"));

        assertThat(h.kinesis.written("sPartly"))
                .as("each record once")
                .containsExactly("r1", "r3", "r4", "r6", "r2", "r5", "r7", "r8");
        assertThat(h.state.cursor("partly")).isNull();
    }

    @Test
    void aCatchUpLongerThanTwoReadsGoesOnInTheNextInvocation() {
        h.recordsPerRead = 2;
        h.target("stuck", "sStuck");
        throttledWhileBroken("sStuck");
        h.forward(Records.range(1, 10, "k"));
        recover();

        h.forward(Records.range(11, 12, "k"));
        assertThat(h.kinesis.written("sStuck")).containsExactlyElementsOf(Records.payloads(1, 4));
        assertThat(h.state.cursor("stuck").position())
                .isEqualTo(ShardPosition.after(Records.sequence(4)));
        assertThat(h.state.cursor("stuck").owed()).isEqualTo(8);

        for (int i = 0; i < 3; i++) {
            h.drain();
        }
        assertThat(h.kinesis.written("sStuck")).containsExactlyElementsOf(Records.payloads(1, 12));
        assertThat(h.state.cursor("stuck")).isNull();
    }

    @Test
    void healthyDestinationsGetEveryRecordExactlyOnceWhileAnotherStaysBehind() {
        h.target("a", "sA");
        h.orderedTarget("b", "sB");
        h.target("stuck", "sStuck");
        throttledWhileBroken("sStuck");

        for (int batch = 0; batch < 4; batch++) {
            assertThat(h.forward(Records.range(batch * 5 + 1, batch * 5 + 5, "k1", "k2")))
                    .isEmpty();
        }

        assertThat(h.kinesis.written("sA")).containsExactlyElementsOf(Records.payloads(1, 20));
        assertThat(h.kinesis.written("sB")).containsExactlyElementsOf(Records.payloads(1, 20));
        assertThat(h.state.cursor("stuck").owed()).isEqualTo(20);
    }

    @Test
    void aFailingStateTableNeverMakesABatchGoOutAgain() {
        h.target("ok", "sOk");
        h.target("stuck", "sStuck");
        throttledWhileBroken("sStuck");
        h.state.failing = true;

        for (int batch = 0; batch < 3; batch++) {
            assertThat(h.forward(Records.range(batch * 5 + 1, batch * 5 + 5, "k")))
                    .as("no hand-back while the state table fails")
                    .isEmpty();
        }
        assertThat(h.kinesis.written("sOk")).containsExactlyElementsOf(Records.payloads(1, 15));
        assertThat(h.snapshots.get(h.snapshots.size() - 1).sources().get(0).stateErrors())
                .isPositive();

        // The container remembered the cursor: the student catches up once healthy.
        recover();
        h.state.failing = false;
        h.forward(Records.range(16, 18, "k"));
        assertThat(h.kinesis.written("sStuck")).containsExactlyElementsOf(Records.payloads(1, 18));
        assertThat(h.kinesis.written("sOk")).containsExactlyElementsOf(Records.payloads(1, 18));
    }

    @Test
    void recordsPastTheSourcesRetentionAreCountedFailedWithTheReason() {
        h.target("stuck", "sStuck");
        throttledWhileBroken("sStuck");
        h.forward(Records.range(1, 3, "k"));
        recover();
        h.source.trimmed = 2; // r1 and r2 are gone from the source

        h.forward(Records.range(4, 5, "k"));

        assertThat(h.totals("stuck").count(fanout.metrics.MetricNames.FAILED)).isEqualTo(3);
        LastError last = h.state.errorsOf("stuck").get(h.state.errorsOf("stuck").size() - 1);
        assertThat(last.code()).isEqualTo("Expired");
        assertThat(last.message()).contains("retention").contains("TrimmedDataAccessException");
        assertThat(h.state.cursor("stuck").position()).isEqualTo(ShardPosition.trimHorizon());

        h.forward(Records.range(6, 6, "k"));
        assertThat(h.kinesis.written("sStuck"))
                .as("what is left of the source, in order")
                .containsExactly("r3", "r4", "r5", "r6");
    }

    @Test
    void aClosedShardIsCaughtUpToItsEndAndTheCursorIsDone() {
        h.target("stuck", "sStuck");
        throttledWhileBroken("sStuck");
        h.forward(Records.range(1, 4, "k"));
        recover();
        h.source.closed = true;

        DrainReport report = h.drain();

        assertThat(h.kinesis.written("sStuck")).containsExactlyElementsOf(Records.payloads(1, 4));
        assertThat(report.shards())
                .singleElement()
                .satisfies(
                        s -> {
                            assertThat(s.behindBefore()).isEqualTo(1);
                            assertThat(s.behindAfter()).isZero();
                        });
        assertThat(h.state.cursor("stuck")).isNull();
    }
}
