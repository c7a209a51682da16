package fanout.console.mapping;

import fanout.console.problem.OperationFailedException;

/**
 * A conditional change lost a race: the row changed (or disappeared) between reading and writing.
 */
public final class MappingConflictException extends OperationFailedException {
    private final String id;

    public MappingConflictException(String id, String message) {
        super(message);
        this.id = id;
    }

    public String id() {
        return id;
    }
}
