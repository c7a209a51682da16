package fanout.console.aws.memory;

import java.util.Map;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.StateReasonCode;

/**
 * One published version of a function: the configuration of {@code $LATEST} frozen when it was
 * published, and its own life cycle (Pending for a few reads, then Active, or Failed when its
 * SnapStart snapshot failed). Guarded by the fake's lock.
 */
final class PublishedVersion {
    final String number;
    final boolean snapStart;
    final String codeSha256;
    final String role;
    final Map<String, String> environment;
    final int timeout;

    /** The configuration revision of {@code $LATEST} it was published from. */
    final int configurationRevision;

    private final FunctionConfiguration frozen;
    private final String snapshotFailure;
    private int pendingPolls;

    /**
     * @param frozen $LATEST's configuration with this version's ARN, number and SnapStart status
     * @param snapshotFailure why its snapshot fails once Pending is over, or null
     */
    PublishedVersion(
            StoredFunction function,
            FunctionConfiguration frozen,
            int pendingPolls,
            String snapshotFailure) {
        this.number = frozen.version();
        this.snapStart = function.snapStartOnPublish();
        this.codeSha256 = function.codeSha256;
        this.role = function.role;
        this.environment = Map.copyOf(function.environment);
        this.timeout = function.timeout;
        this.configurationRevision = function.configurationRevision;
        this.frozen = frozen;
        this.pendingPolls = pendingPolls;
        this.snapshotFailure = snapshotFailure;
    }

    String state() {
        if (pendingPolls > 0) {
            return "Pending";
        }
        return snapshotFailure == null ? "Active" : "Failed";
    }

    /** The version as a read shows it, its ARN qualified as the caller named it. */
    FunctionConfiguration describe(String functionArn) {
        String state = state();
        FunctionConfiguration.Builder shown =
                frozen.toBuilder().functionArn(functionArn).state(state);
        if (state.equals("Pending")) {
            shown.stateReasonCode(StateReasonCode.CREATING)
                    .stateReason("The function is being created.");
        } else if (state.equals("Failed")) {
            shown.stateReasonCode(StateReasonCode.FUNCTION_ERROR).stateReason(snapshotFailure);
        }
        return shown.build();
    }

    /** Time passes for the version: its creation settles by one step. */
    void settle() {
        pendingPolls = Math.max(0, pendingPolls - 1);
    }
}
