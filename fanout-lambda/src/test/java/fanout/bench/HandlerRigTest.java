package fanout.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keeps the benchmark honest between runs: its rig really delivers through the real handler. */
class HandlerRigTest {

    @Test
    void theRigDeliversEveryRecordToEveryDestinationThroughTheRealHandler() {
        BenchKinesis kinesis = new BenchKinesis(0);
        try (HandlerRig rig = new HandlerRig(kinesis, 5, 2, 5)) {
            HandlerRig.Invocation invocation = rig.invoke(BenchEvents.event(100));

            assertThat(invocation.handedBack()).isZero();
            for (String stream : rig.streams()) {
                assertThat(kinesis.accepted(stream)).as(stream).isEqualTo(100);
                assertThat(kinesis.lastAcceptedAt(stream)).isGreaterThan(invocation.start());
            }
            assertThat(rig.lastDeliveryNanos(rig.streams(), invocation.start()))
                    .isBetween(0L, invocation.nanos());
        }
    }
}
