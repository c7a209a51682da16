package fanout.console.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GetPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;

/**
 * Test-only: the in-memory IAM plus managed policies attached to its roles (the fake of this branch
 * has none), for the calls a policy reader makes. Inline policies go to the wrapped IAM.
 */
final class ManagedPolicies implements IamClient {
    private final IamClient iam;
    private final Map<String, String> attached = new LinkedHashMap<>();

    ManagedPolicies(IamClient iam) {
        this.iam = iam;
    }

    /** Attaches a customer managed policy (version v1) with {@code document} to every role. */
    ManagedPolicies attach(String policyArn, String document) {
        attached.put(policyArn, document);
        return this;
    }

    @Override
    public ListRolePoliciesResponse listRolePolicies(ListRolePoliciesRequest request) {
        return iam.listRolePolicies(request);
    }

    @Override
    public GetRolePolicyResponse getRolePolicy(GetRolePolicyRequest request) {
        return iam.getRolePolicy(request);
    }

    @Override
    public ListAttachedRolePoliciesResponse listAttachedRolePolicies(
            ListAttachedRolePoliciesRequest request) {
        iam.getRole(r -> r.roleName(request.roleName()));
        return ListAttachedRolePoliciesResponse.builder()
                .attachedPolicies(
                        attached.keySet().stream()
                                .map(
                                        arn ->
                                                AttachedPolicy.builder()
                                                        .policyArn(arn)
                                                        .policyName(
                                                                arn.substring(
                                                                        arn.lastIndexOf('/') + 1))
                                                        .build())
                                .toList())
                .isTruncated(false)
                .build();
    }

    @Override
    public GetPolicyResponse getPolicy(GetPolicyRequest request) {
        return GetPolicyResponse.builder()
                .policy(p -> p.arn(request.policyArn()).defaultVersionId("v1"))
                .build();
    }

    @Override
    public GetPolicyVersionResponse getPolicyVersion(GetPolicyVersionRequest request) {
        return GetPolicyVersionResponse.builder()
                .policyVersion(
                        v ->
                                v.versionId(request.versionId())
                                        .document(attached.get(request.policyArn())))
                .build();
    }

    @Override
    public String serviceName() {
        return iam.serviceName();
    }

    @Override
    public void close() {}
}
