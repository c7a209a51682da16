package fanout.console.tui.setup;

/** Finds out who the console runs as (STS GetCallerIdentity, or the sandbox). */
@FunctionalInterface
public interface ConnectionProbe {
    /** Never throws for AWS failures: they become problems with a fix. */
    Connection connect();
}
