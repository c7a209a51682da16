package fanout.console.deploy;

/**
 * Progress of a deploy (or destroy), step by step. The CLI prints it as lines; the full-screen
 * console shows it in a dialog. Called on the thread that runs the service.
 */
public interface DeployListener {
    DeployListener NONE = new DeployListener() {};

    default void started(DeployStep step, String message) {}

    /** Something slow is going on within the step, e.g. "waiting 2s for the role to propagate". */
    default void progress(DeployStep step, String message) {}

    default void done(DeployStep step, StepOutcome outcome) {}

    default void skipped(DeployStep step, String message) {}

    default void failed(DeployStep step, String message) {}
}
