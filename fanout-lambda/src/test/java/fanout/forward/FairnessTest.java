package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.metrics.MetricNames;
import fanout.state.ShardPosition;
import fanout.testing.FakeKinesis;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Who goes first when time is short, and what a destination that never got its turn is: behind, not
 * failing. Errors only the student can fix leave the destination behind and are tried about once a
 * minute.
 */
class FairnessTest {
    private final Harness h = new Harness();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void aDestinationWhoseTurnNeverCameIsBehindNotFailingAndGoesFirstNextTime() {
        h.concurrency = 1;
        h.slice = Duration.ofSeconds(5);
        h.budget = Duration.ofSeconds(5);
        h.target("slow", "sSlow");
        h.target("a", "sA");
        h.target("b", "sB");
        h.kinesis.behave(
                "sSlow",
                new FakeKinesis.Behavior() {
                    @Override
                    public void onCall(int call) {
                        h.clock.advance(Duration.ofSeconds(6)); // a call that takes it all
                    }

                    @Override
                    public String entryError(int call, int index, String data) {
                        return "ProvisionedThroughputExceededException";
                    }
                });

        assertThat(h.forward(Records.range(1, 3, "k"))).isEmpty();

        assertThat(h.kinesis.calls("sA")).as("the budget ran out before a's turn").isEmpty();
        assertThat(h.state.errorsOf("a")).as("not failing").isEmpty();
        assertThat(h.totals("slow").count(MetricNames.THROTTLED)).isPositive();
        assertThat(h.snapshots.get(0).targets())
                .extracting(t -> t.targetId())
                .as("a and b were not attempted, so they publish nothing")
                .containsExactly("slow");
        assertThat(h.state.cursor("a").position()).isEqualTo(ShardPosition.at(Records.sequence(1)));

        h.kinesis.behave("sSlow", new FakeKinesis.Behavior() {});
        h.clock.advance(Standings.FIRST_THROTTLED_PAUSE); // it took nothing: it waits this long
        h.forward(Records.range(4, 5, "k"));

        List<String> order = h.kinesis.callOrder();
        List<String> second = order.subList(order.indexOf("sA"), order.size());
        assertThat(second.indexOf("sA")).isLessThan(second.indexOf("sSlow"));
        assertThat(second.indexOf("sB")).isLessThan(second.indexOf("sSlow"));
        assertThat(h.kinesis.written("sA")).containsExactlyElementsOf(Records.payloads(1, 5));
        assertThat(h.kinesis.written("sSlow")).containsExactlyElementsOf(Records.payloads(1, 5));
    }

    /**
     * One at a time: "a" healthy, each call taking {@code callMillis}; "stuck" throttled, after one
     * batch in which it took nothing and the pause that followed. Answers when the next batch
     * starts.
     */
    private java.time.Instant healthyAAndStuckAfterOneBatch(Duration slice, long callMillis) {
        h.concurrency = 1;
        h.slice = slice;
        h.target("a", "sA");
        h.target("stuck", "sStuck");
        h.kinesis.throttled("sStuck");
        h.kinesis.behave(
                "sA",
                new FakeKinesis.Behavior() {
                    @Override
                    public void onCall(int call) {
                        h.clock.advance(Duration.ofMillis(callMillis)); // a healthy round trip
                    }
                });
        h.forward(Records.range(1, 2, "k"));
        h.clock.advance(Standings.FIRST_THROTTLED_PAUSE); // it took nothing: it waits this long
        return h.clock.instant();
    }

    @Test
    void aStrugglingDestinationGetsAboutTheTimeTheHealthyOnesTookNotTheWholeSlice() {
        java.time.Instant start = healthyAAndStuckAfterOneBatch(Duration.ofSeconds(2), 300);
        h.forward(Records.range(3, 4, "k"));

        // a: 300 ms; stuck ends about when 1.2 x 300 ms from the start of delivery have passed
        // (its turn came after a's 300 ms: it gets the least slice), not 2 s.
        assertThat(h.kinesis.calls("sStuck"))
                .as("tried again after its pause")
                .hasSizeGreaterThan(1);
        assertThat(Duration.between(start, h.clock.instant()))
                .isLessThanOrEqualTo(Duration.ofMillis(300).plus(Standings.MIN_STRUGGLING_SLICE));
        assertThat(h.kinesis.written("sA")).containsExactlyElementsOf(Records.payloads(1, 4));
    }

    @Test
    void aStrugglingDestinationStopsRetryingOnceTheHealthyOnesAreDone() {
        java.time.Instant start = healthyAAndStuckAfterOneBatch(Duration.ofSeconds(5), 1000);
        int before = h.kinesis.calls("sStuck").size();
        h.forward(Records.range(3, 4, "k"));

        // a took 1 s; stuck may retry only a tail after that (its slice would allow 1.2 s).
        assertThat(h.kinesis.calls("sStuck")).hasSizeGreaterThan(before);
        assertThat(Duration.between(start, h.clock.instant()))
                .isLessThan(Duration.ofSeconds(1).plus(DestinationPool.TRAIL).plusMillis(25));
        assertThat(h.kinesis.written("sA")).containsExactlyElementsOf(Records.payloads(1, 4));
        assertThat(h.state.cursor("stuck").owed()).as("behind, owed everything").isEqualTo(4);
    }

    @Test
    void aTrailingDestinationWhoseFirstCallWasPartlyWrittenGetsOneRetryOfWhatItRefused() {
        h.concurrency = 1;
        h.slice = Duration.ofSeconds(2);
        h.target("a", "sA");
        h.target("bumpy", "sBumpy");
        java.util.concurrent.atomic.AtomicBoolean struggling =
                new java.util.concurrent.atomic.AtomicBoolean(true);
        List<Integer> laterCalls = new java.util.concurrent.CopyOnWriteArrayList<>();
        h.kinesis.behave(
                "sA",
                new FakeKinesis.Behavior() {
                    @Override
                    public void onCall(int call) {
                        h.clock.advance(Duration.ofMillis(300)); // a healthy round trip
                    }
                });
        h.kinesis.behave(
                "sBumpy",
                new FakeKinesis.Behavior() {
                    @Override
                    public void onCall(int call) {
                        h.clock.advance(Duration.ofMillis(60)); // past a's trail, within its slice
                        if (!struggling.get()) {
                            laterCalls.add(call);
                        }
                    }

                    @Override
                    public String entryError(int call, int index, String data) {
                        boolean firstLaterCall = !laterCalls.isEmpty() && laterCalls.get(0) == call;
                        return struggling.get() || (firstLaterCall && index % 2 == 1)
                                ? "ProvisionedThroughputExceededException"
                                : null;
                    }
                });
        h.forward(Records.range(1, 2, "k")); // bumpy takes nothing: it trails from now on
        struggling.set(false);
        h.clock.advance(Standings.FIRST_THROTTLED_PAUSE);
        h.forward(Records.range(3, 6, "k"));

        List<List<String>> calls = h.kinesis.calls("sBumpy");
        assertThat(laterCalls).as("its first call, then the one retry it is owed").hasSize(2);
        List<String> first = calls.get(laterCalls.get(0));
        List<String> retry = calls.get(laterCalls.get(1));
        assertThat(retry)
                .as("only what the first call refused (every other entry), in order")
                .hasSize(first.size() / 2)
                .isSubsetOf(first);
    }

    @Test
    void aDestinationThatTookNothingWaitsADoublingPauseBeforeItsNextTry() {
        h.target("ok", "sOk");
        h.target("stuck", "sStuck");
        h.kinesis.throttled("sStuck");

        h.forward(Records.range(1, 2, "k"));
        int first = h.kinesis.calls("sStuck").size();
        h.forward(Records.range(3, 4, "k"));
        assertThat(h.kinesis.calls("sStuck")).as("paused, not tried every time").hasSize(first);

        h.clock.advance(Standings.FIRST_THROTTLED_PAUSE);
        h.forward(Records.range(5, 6, "k"));
        int second = h.kinesis.calls("sStuck").size();
        assertThat(second).as("tried after the first pause").isGreaterThan(first);

        h.clock.advance(Standings.FIRST_THROTTLED_PAUSE);
        h.forward(Records.range(7, 8, "k"));
        assertThat(h.kinesis.calls("sStuck"))
                .as("the second pause is twice as long")
                .hasSize(second);

        assertThat(h.kinesis.written("sOk")).containsExactlyElementsOf(Records.payloads(1, 8));
        assertThat(h.state.cursor("stuck").owed()).as("behind, owed everything").isEqualTo(8);
        assertThat(Standings.throttledPause(10)).isEqualTo(Standings.MAX_THROTTLED_PAUSE);
    }

    @Test
    void healthyDestinationsAreServedBeforeOnesThatStruggled() {
        h.concurrency = 1;
        h.target("bumpy", "sBumpy");
        h.target("fine", "sFine");
        h.kinesis.behave(
                "sBumpy",
                new FakeKinesis.Behavior() {
                    @Override
                    public String entryError(int call, int index, String data) {
                        return call == 0 ? "ProvisionedThroughputExceededException" : null;
                    }
                });
        h.forward(Records.range(1, 2, "k"));
        assertThat(h.kinesis.callOrder().get(0)).isEqualTo("sBumpy");

        h.forward(Records.range(3, 4, "k"));

        List<String> order = h.kinesis.callOrder();
        assertThat(order.get(order.size() - 2)).isEqualTo("sFine");
    }

    @Test
    void aDeniedDestinationStaysBehindIsTriedAboutOnceAMinuteAndCatchesUpOnceFixed() {
        h.target("ok", "sOk");
        h.target("denied", "sDenied");
        h.kinesis.denied("sDenied");

        h.forward(Records.range(1, 2, "k"));
        h.clock.advance(Duration.ofSeconds(20));
        h.forward(Records.range(3, 4, "k"));

        assertThat(h.kinesis.calls("sDenied")).as("parked, not tried every time").hasSize(1);
        assertThat(h.state.cursor("denied").owed()).isEqualTo(4);
        assertThat(h.state.errorsOf("denied"))
                .extracting(e -> e.code())
                .containsExactly("AccessDenied");

        h.kinesis.behave("sDenied", new FakeKinesis.Behavior() {}); // the student fixed the role
        h.clock.advance(Duration.ofSeconds(45));
        h.forward(Records.range(5, 6, "k"));

        assertThat(h.kinesis.written("sDenied")).containsExactlyElementsOf(Records.payloads(1, 6));
        assertThat(h.kinesis.written("sOk")).containsExactlyElementsOf(Records.payloads(1, 6));
        assertThat(h.state.cursor("denied")).isNull();
    }
}
