package fanout.forward;

import fanout.state.LastError;
import fanout.state.ShardCursors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A per-container circuit breaker in front of the state table: once a call fails (a conditional
 * write that lost its race is an answer, not a failure), the table is left alone for {@link
 * #RETRY_EVERY} and every call fails at once with {@link StateUnavailableException}, which the
 * callers count in StateErrors while the cursors live on in the container. So a failing or hanging
 * table costs one bounded call per retry period, not the SDK's retries on every invocation.
 */
public final class GuardedStateStore implements StateStore {
    /** How long the table is left alone after a failure. */
    public static final Duration RETRY_EVERY = Duration.ofSeconds(30);

    private final StateStore table;
    private final Clock clock;
    private volatile Instant openUntil;
    private volatile String lastFailure = "";

    public GuardedStateStore(StateStore table, Clock clock) {
        this.table = Objects.requireNonNull(table, "table is required");
        this.clock = Objects.requireNonNull(clock, "clock is required");
    }

    /** The table was not called: it failed recently. */
    public static final class StateUnavailableException extends RuntimeException {
        StateUnavailableException(String message) {
            super(message);
        }
    }

    @Override
    public Optional<ShardCursors> cursors(String sourceArn, String shardId) {
        return guarded(() -> table.cursors(sourceArn, shardId));
    }

    @Override
    public List<ShardCursors> cursorsOf(String sourceArn) {
        return guarded(() -> table.cursorsOf(sourceArn));
    }

    @Override
    public void saveErrors(List<LastError> errors) {
        guarded(
                () -> {
                    table.saveErrors(errors);
                    return null;
                });
    }

    @Override
    public void saveCursors(ShardCursors next) {
        guarded(
                () -> {
                    table.saveCursors(next);
                    return null;
                });
    }

    /** Whether the table is being left alone now. */
    boolean open() {
        Instant until = openUntil;
        return until != null && clock.instant().isBefore(until);
    }

    private <T> T guarded(Supplier<T> call) {
        Instant until = openUntil;
        if (until != null && clock.instant().isBefore(until)) {
            throw new StateUnavailableException(
                    "state table not called until " + until + " (it failed: " + lastFailure + ")");
        }
        try {
            T answer = call.get();
            openUntil = null;
            return answer;
        } catch (CursorConflictException e) {
            openUntil = null; // the table answered
            throw e;
        } catch (RuntimeException e) {
            lastFailure = AwsFailures.describe(e);
            openUntil = clock.instant().plus(RETRY_EVERY);
            throw e;
        }
    }
}
