package fanout.console.aws;

import java.util.Objects;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** {@link IdentitySource} on STS GetCallerIdentity (the sandbox's in-memory STS answers too). */
public final class StsIdentitySource implements IdentitySource {
    private final StsClient sts;

    public StsIdentitySource(StsClient sts) {
        this.sts = Objects.requireNonNull(sts, "sts");
    }

    @Override
    public Identity identity() {
        GetCallerIdentityResponse response = sts.getCallerIdentity();
        return new Identity(response.account(), response.arn());
    }
}
