package fanout.forward;

import fanout.record.PreparedRecord;
import java.util.List;

/**
 * One destination's way to make a PutRecords call: through the SDK's Kinesis client ({@link
 * SdkPutRecords}), or marshalled once per batch and signed per destination ({@link
 * DirectPutRecords}). Both answer the same outcomes and fail with the same SDK exceptions, so the
 * sink classifies them alike.
 */
@FunctionalInterface
interface PutRecordsCall {
    /**
     * One outcome per entry, in order.
     *
     * @throws software.amazon.awssdk.core.exception.SdkException when the call failed as a whole
     * @throws SinkCallException when the answer does not fit the request
     */
    List<EntryOutcome> put(String streamName, List<PreparedRecord> entries);

    /** One per-entry result: no error code means written. */
    static EntryOutcome outcome(String errorCode, String errorMessage) {
        return errorCode == null
                ? new EntryOutcome.Delivered()
                : AwsFailures.entryOutcome(errorCode, errorMessage);
    }

    /** An answer with another number of results than entries sent cannot be matched up. */
    static void requireOnePerEntry(int results, int sent) {
        if (results != sent) {
            throw SinkCallException.retryable(
                    "InternalFailure",
                    "PutRecords answered " + results + " results for " + sent,
                    null);
        }
    }
}
