package fanout.console;

/**
 * Opens a {@link Session} for the given options: against AWS, or against the in-process sandbox.
 */
@FunctionalInterface
public interface SessionFactory {
    Session open(GlobalOptions options);
}
