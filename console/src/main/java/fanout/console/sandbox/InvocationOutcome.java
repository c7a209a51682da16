package fanout.console.sandbox;

/** What became of one batch handed to the function. */
sealed interface InvocationOutcome {
    /** Every record was processed. */
    record Processed() implements InvocationOutcome {}

    /** The function reported item failures: resume at the lowest failed sequence number. */
    record PartlyFailed(String firstFailedSequenceNumber) implements InvocationOutcome {}

    /** The function failed (error, timeout, unusable response): the whole batch is retried. */
    record Failed(String reason) implements InvocationOutcome {}
}
