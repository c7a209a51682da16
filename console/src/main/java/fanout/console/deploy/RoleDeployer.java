package fanout.console.deploy;

import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/** The execution role and its inline policy: created when missing, updated when they differ. */
final class RoleDeployer {
    private final IamClient iam;

    RoleDeployer(IamClient iam) {
        this.iam = iam;
    }

    StepOutcome role(DeployPlan plan, boolean dryRun) {
        if (!plan.createRole()) {
            return StepOutcome.skipped("using the existing role " + plan.roleArn());
        }
        Optional<Role> existing = find(plan.roleName());
        if (existing.isEmpty()) {
            if (dryRun) {
                return StepOutcome.planned("create role " + plan.roleName() + " trusted by Lambda");
            }
            iam.createRole(
                    r ->
                            r.roleName(plan.roleName())
                                    .assumeRolePolicyDocument(
                                            PolicyDocuments.text(plan.trustPolicy()))
                                    .description(
                                            "Execution role of the "
                                                    + plan.function()
                                                    + " fan-out function; students' roles trust it")
                                    .tags(
                                            Tag.builder()
                                                    .key(DeployPlan.ROLE_TAG)
                                                    .value(plan.function())
                                                    .build()));
            return StepOutcome.created("role " + plan.roleArn());
        }
        if (PolicyDocuments.same(existing.get().assumeRolePolicyDocument(), plan.trustPolicy())) {
            return StepOutcome.upToDate("role " + plan.roleArn());
        }
        if (dryRun) {
            return StepOutcome.planned(
                    "reset the trust policy of " + plan.roleName() + " to Lambda");
        }
        iam.updateAssumeRolePolicy(
                r ->
                        r.roleName(plan.roleName())
                                .policyDocument(PolicyDocuments.text(plan.trustPolicy())));
        return StepOutcome.updated("trust policy of " + plan.roleName());
    }

    StepOutcome policy(DeployPlan plan, boolean dryRun) {
        if (!plan.createRole()) {
            return StepOutcome.skipped("the existing role's policies are yours to manage");
        }
        Optional<String> current = currentPolicy(plan);
        if (current.isPresent() && PolicyDocuments.same(current.get(), plan.executionPolicy())) {
            return StepOutcome.upToDate("inline policy " + plan.policyName());
        }
        String verb = current.isEmpty() ? "put" : "replace";
        if (dryRun) {
            return StepOutcome.planned(
                    verb + " inline policy " + plan.policyName() + " (shown below)");
        }
        iam.putRolePolicy(
                r ->
                        r.roleName(plan.roleName())
                                .policyName(plan.policyName())
                                .policyDocument(PolicyDocuments.text(plan.executionPolicy())));
        return current.isEmpty()
                ? StepOutcome.created("inline policy " + plan.policyName())
                : StepOutcome.updated("inline policy " + plan.policyName());
    }

    private Optional<String> currentPolicy(DeployPlan plan) {
        try {
            return Optional.of(
                    iam.getRolePolicy(
                                    r -> r.roleName(plan.roleName()).policyName(plan.policyName()))
                            .policyDocument());
        } catch (NoSuchEntityException e) {
            // Either the role or its policy is missing: in both cases the policy must be put.
            return Optional.empty();
        }
    }

    private Optional<Role> find(String roleName) {
        try {
            return Optional.of(iam.getRole(r -> r.roleName(roleName)).role());
        } catch (NoSuchEntityException e) {
            return Optional.empty();
        }
    }
}
