package fanout.console.problem;

/** Some rows or items were rejected (the message lists them); the rest were applied. */
public final class PartlyAppliedException extends FanoutProblem {
    public PartlyAppliedException(String message) {
        super(message, null);
    }
}
