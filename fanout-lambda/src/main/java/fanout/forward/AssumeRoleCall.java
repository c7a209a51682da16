package fanout.forward;

import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * How a student's role is assumed: through the SDK's STS client, or {@link DirectAssumeRole}. Both
 * fail with the SDK's exceptions ({@link software.amazon.awssdk.services.sts.model.StsException}
 * for what STS refused), so {@link AwsFailures} classifies them alike.
 */
@FunctionalInterface
interface AssumeRoleCall {
    /**
     * The session's credentials.
     *
     * @throws software.amazon.awssdk.core.exception.SdkException when the role was not assumed
     */
    Credentials assume(AssumeRoleRequest request);
}
