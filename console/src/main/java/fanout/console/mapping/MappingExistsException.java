package fanout.console.mapping;

import fanout.console.problem.OperationFailedException;

/** Registering an id that the source already has. */
public final class MappingExistsException extends OperationFailedException {
    public MappingExistsException(String sourceArn, String id) {
        super(
                "mapping '"
                        + id
                        + "' already exists for "
                        + sourceArn
                        + ": pass --overwrite to replace it, or use `fanout update`");
    }
}
