package fanout.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.mapping.Mapping;
import fanout.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MappingCacheTest {
    private static final Duration TTL = Duration.ofSeconds(30);

    private final ManualClock clock = new ManualClock();
    private final List<Mapping> table = new CopyOnWriteArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();
    private volatile RuntimeException failure;

    /** Refreshes wait here until the test runs them: a table that has not answered yet. */
    private final List<Runnable> pending = new ArrayList<>();

    private final Executor later = pending::add;

    private final MappingReader reader =
            source -> {
                reads.incrementAndGet();
                if (failure != null) {
                    throw failure;
                }
                return List.copyOf(table);
            };

    private final MappingCache cache = new MappingCache(reader, TTL, clock, later);

    private static Mapping target(String id) {
        return Mapping.kinesis(Records.SOURCE_ARN, id, "s-" + id).withActive(true);
    }

    private static List<String> ids(MappingCache.Snapshot snapshot) {
        return snapshot.mappings().stream().map(Mapping::id).toList();
    }

    private void runRefreshes() {
        List<Runnable> now = new ArrayList<>(pending);
        pending.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void theFirstReadIsWaitedForSinceThereIsNothingElseToServe() {
        table.add(target("t1"));

        MappingCache.Snapshot first = cache.active(Records.SOURCE_ARN);

        assertThat(ids(first)).containsExactly("t1");
        assertThat(first.fresh()).isTrue();
        assertThat(pending).isEmpty();
    }

    @Test
    void withoutAnyGoodReadAFailedFirstReadIsThrown() {
        failure = new IllegalStateException("table unavailable");

        assertThatThrownBy(() -> cache.active(Records.SOURCE_ARN))
                .hasMessageContaining("table unavailable");
    }

    @Test
    void aRefreshThatHasNotAnsweredServesTheLastGoodMappingsAndTheNextBatchTakesItsAnswer() {
        table.add(target("t1"));
        cache.active(Records.SOURCE_ARN);
        table.add(target("t2"));
        clock.advance(TTL);

        MappingCache.Snapshot meanwhile = cache.active(Records.SOURCE_ARN);
        runRefreshes();
        MappingCache.Snapshot next = cache.active(Records.SOURCE_ARN);

        assertThat(ids(meanwhile)).containsExactly("t1");
        assertThat(meanwhile.fresh()).isFalse();
        assertThat(meanwhile.readError()).isEmpty();
        assertThat(ids(next)).containsExactly("t1", "t2");
        assertThat(next.fresh()).isTrue();
        assertThat(cache.active(Records.SOURCE_ARN).fresh()).isFalse();
    }

    @Test
    void onlyOneRefreshIsInFlightPerSource() {
        table.add(target("t1"));
        cache.active(Records.SOURCE_ARN);
        clock.advance(TTL);

        cache.active(Records.SOURCE_ARN);
        cache.active(Records.SOURCE_ARN);
        cache.active(Records.SOURCE_ARN);

        assertThat(pending).hasSize(1);
    }

    @Test
    void aFailedRefreshServesTheLastGoodMappingsWithItsReasonAndWaitsBeforeReadingAgain() {
        table.add(target("t1"));
        cache.active(Records.SOURCE_ARN);
        clock.advance(TTL);
        failure = new IllegalStateException("table unavailable");
        cache.active(Records.SOURCE_ARN);
        runRefreshes();

        MappingCache.Snapshot served = cache.active(Records.SOURCE_ARN);
        clock.advance(MappingCache.RETRY_AFTER_FAILURE.minusSeconds(1));
        MappingCache.Snapshot stillServed = cache.active(Records.SOURCE_ARN);

        assertThat(ids(served)).containsExactly("t1");
        assertThat(served.readError())
                .hasValueSatisfying(r -> assertThat(r).contains("unavailable"));
        assertThat(stillServed.readError()).isEmpty();
        assertThat(pending).isEmpty();
        assertThat(reads).hasValue(2);

        clock.advance(Duration.ofSeconds(1));
        cache.active(Records.SOURCE_ARN);
        assertThat(pending).hasSize(1);
    }
}
