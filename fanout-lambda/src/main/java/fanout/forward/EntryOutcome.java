package fanout.forward;

/** What happened to one entry of a batch call: a closed set. */
public sealed interface EntryOutcome
        permits EntryOutcome.Delivered, EntryOutcome.Retryable, EntryOutcome.Rejected {

    /** Written; the destination confirmed it. */
    record Delivered() implements EntryOutcome {}

    /**
     * Not written this time, worth trying again (throttled, internal error).
     *
     * @param throttled counted as {@code Throttled} when true
     */
    record Retryable(String code, String message, boolean throttled) implements EntryOutcome {}

    /** Can never be written as it is (too large, not JSON for the transform, KMS denied). */
    record Rejected(String code, String message) implements EntryOutcome {}
}
