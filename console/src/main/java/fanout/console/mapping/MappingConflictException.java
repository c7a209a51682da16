package fanout.console.mapping;

import fanout.console.cli.ExitCodes;
import fanout.console.cli.FanoutException;

/**
 * A conditional change lost a race: the row changed (or disappeared) between reading and writing.
 */
public final class MappingConflictException extends FanoutException {
    private final String id;

    public MappingConflictException(String id, String message) {
        super(ExitCodes.FAILURE, message);
        this.id = id;
    }

    public String id() {
        return id;
    }
}
