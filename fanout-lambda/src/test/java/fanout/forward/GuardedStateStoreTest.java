package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.state.ShardCursors;
import fanout.testing.ManualClock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GuardedStateStoreTest {
    private final ManualClock clock = new ManualClock();
    private final InMemoryStateStore table = new InMemoryStateStore();
    private final AtomicInteger reads = new AtomicInteger();
    private final StateStore counting =
            new StateStore() {
                @Override
                public Optional<ShardCursors> cursors(String sourceArn, String shardId) {
                    reads.incrementAndGet();
                    return table.cursors(sourceArn, shardId);
                }

                @Override
                public List<ShardCursors> cursorsOf(String sourceArn) {
                    return table.cursorsOf(sourceArn);
                }

                @Override
                public void saveErrors(List<fanout.state.LastError> errors) {
                    table.saveErrors(errors);
                }

                @Override
                public void saveCursors(ShardCursors next) {
                    table.saveCursors(next);
                }
            };
    private final GuardedStateStore guard = new GuardedStateStore(counting, clock);

    @Test
    void aFailingTableIsCalledOnceAndThenLeftAloneUntilTheRetryPeriodPassed() {
        table.failing = true;
        assertThatThrownBy(() -> guard.cursors(Records.SOURCE_ARN, Records.SHARD))
                .isInstanceOf(IllegalStateException.class);

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> guard.cursors(Records.SOURCE_ARN, Records.SHARD))
                    .isInstanceOf(GuardedStateStore.StateUnavailableException.class)
                    .hasMessageContaining("the state table is unavailable");
        }
        assertThatThrownBy(() -> guard.saveErrors(List.of()))
                .isInstanceOf(GuardedStateStore.StateUnavailableException.class);
        assertThat(reads).as("one call in the retry period").hasValue(1);

        table.failing = false;
        clock.advance(GuardedStateStore.RETRY_EVERY);
        assertThat(guard.cursors(Records.SOURCE_ARN, Records.SHARD)).isEmpty();
        assertThat(guard.cursors(Records.SOURCE_ARN, Records.SHARD)).isEmpty();
        assertThat(reads).hasValue(3);
        assertThat(guard.open()).isFalse();
    }

    @Test
    void aConditionalWriteThatLostItsRaceIsAnAnswerNotAFailure() {
        ShardCursors stale =
                new ShardCursors(Records.SOURCE_ARN, Records.SHARD, 5, null, null, Map.of());

        assertThatThrownBy(() -> guard.saveCursors(stale))
                .isInstanceOf(StateStore.CursorConflictException.class);

        assertThat(guard.open()).isFalse();
        assertThat(guard.cursors(Records.SOURCE_ARN, Records.SHARD)).isEmpty();
    }
}
