package fanout.console.mapping;

import fanout.console.cli.ExitCodes;
import fanout.console.cli.FanoutException;

/** Registering an id that the source already has. */
public final class MappingExistsException extends FanoutException {
    public MappingExistsException(String sourceArn, String id) {
        super(
                ExitCodes.FAILURE,
                "mapping '"
                        + id
                        + "' already exists for "
                        + sourceArn
                        + ": pass --overwrite to replace it, or use `fanout update`");
    }
}
