package fanout.console.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import fanout.console.aws.AwsClients;
import fanout.console.aws.AwsErrors;
import fanout.console.deploy.DeployPlan;
import fanout.console.deploy.PolicyDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Reads the fan-out function's role's inline and attached policies to tell whether it may write a
 * stream itself. Before {@code deploy} the role is the one deploy will create, whose policy grants
 * no stream writes.
 */
public record IamStreamGrants(AwsClients aws, String function) implements StreamGrants {
    public IamStreamGrants {
        Objects.requireNonNull(aws, "aws");
        Objects.requireNonNull(function, "function");
    }

    @Override
    public StreamGrant check(String streamArn) {
        String role = DeployPlan.roleName(function);
        try {
            role = roleName();
            List<JsonNode> documents = documents(aws.iam(), role);
            List<String> missing = new ArrayList<>();
            for (String action : WRITE_ACTIONS) {
                if (!PolicyStatements.allows(documents, action, streamArn)) {
                    missing.add(action);
                }
            }
            return missing.isEmpty()
                    ? new StreamGrant.Granted()
                    : new StreamGrant.Missing(role, missing);
        } catch (ResourceNotFoundException | NoSuchEntityException e) {
            // Not deployed yet: the role deploy creates grants no stream writes.
            return new StreamGrant.Missing(role, WRITE_ACTIONS);
        } catch (SdkException | IllegalArgumentException e) {
            return new StreamGrant.Unknown(AwsErrors.reason(e));
        }
    }

    private String roleName() {
        String arn = aws.lambda().getFunctionConfiguration(r -> r.functionName(function)).role();
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    private static List<JsonNode> documents(IamClient iam, String role) {
        List<JsonNode> documents = new ArrayList<>();
        for (String name : iam.listRolePoliciesPaginator(r -> r.roleName(role)).policyNames()) {
            documents.add(
                    PolicyDocuments.parse(
                            iam.getRolePolicy(r -> r.roleName(role).policyName(name))
                                    .policyDocument()));
        }
        for (AttachedPolicy attached : attachedPolicies(iam, role)) {
            String version =
                    iam.getPolicy(r -> r.policyArn(attached.policyArn()))
                            .policy()
                            .defaultVersionId();
            documents.add(
                    PolicyDocuments.parse(
                            iam.getPolicyVersion(
                                            r ->
                                                    r.policyArn(attached.policyArn())
                                                            .versionId(version))
                                    .policyVersion()
                                    .document()));
        }
        return documents;
    }

    private static List<AttachedPolicy> attachedPolicies(IamClient iam, String role) {
        try {
            List<AttachedPolicy> attached = new ArrayList<>();
            iam.listAttachedRolePoliciesPaginator(r -> r.roleName(role))
                    .attachedPolicies()
                    .forEach(attached::add);
            return attached;
        } catch (UnsupportedOperationException e) {
            // An in-memory IAM without managed policies (an older sandbox): none are attached.
            return List.of();
        }
    }
}
