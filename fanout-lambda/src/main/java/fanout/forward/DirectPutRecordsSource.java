package fanout.forward;

import java.util.Optional;

/**
 * A client factory that can also make a destination's PutRecords calls without the SDK client's
 * pipeline ({@link DirectPutRecords}); {@link Sinks#standard} uses it when it answers one.
 */
interface DirectPutRecordsSource {
    /** Empty when this destination's calls go through its SDK client. */
    Optional<PutRecordsCall> directPutRecords(String region, Optional<AssumeRoleSpec> role);
}
