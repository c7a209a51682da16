package fanout.console.mapping;

import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** STS that says every caller is the leader's core account. */
final class FakeSts implements StsClient {
    static final String ACCOUNT = "123456789012";

    @Override
    public GetCallerIdentityResponse getCallerIdentity(GetCallerIdentityRequest request) {
        return GetCallerIdentityResponse.builder()
                .account(ACCOUNT)
                .arn("arn:aws:iam::" + ACCOUNT + ":user/leader")
                .userId("AIDATEST")
                .build();
    }

    @Override
    public String serviceName() {
        return "sts";
    }

    @Override
    public void close() {}
}
