package fanout.forward;

import fanout.state.LastError;
import fanout.state.ShardCursors;
import java.util.List;
import java.util.Optional;

/** The forwarder's runtime state: targets' last errors and each shard's cursors. */
public interface StateStore {
    /** One shard's cursors; empty when no destination has ever been behind on it. */
    Optional<ShardCursors> cursors(String sourceArn, String shardId);

    /** Every shard's cursors of a source (for a drain). */
    List<ShardCursors> cursorsOf(String sourceArn);

    /** Writes last errors (at most one per target). */
    void saveErrors(List<LastError> errors);

    /**
     * Writes one shard's cursors as one item, only if the stored version is still the one before
     * {@code next.version()}.
     *
     * @throws CursorConflictException when someone else wrote the item in between
     */
    void saveCursors(ShardCursors next);

    /** Another writer (a control action, a drain) changed a shard's cursors first. */
    final class CursorConflictException extends RuntimeException {
        public CursorConflictException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
