package fanout.console.deploy;

import fanout.console.deploy.StepOutcome.Kind;
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
            return new StepOutcome(Kind.SKIPPED, "using the existing role " + plan.roleArn());
        }
        Optional<Role> existing = find(plan.roleName());
        if (existing.isEmpty()) {
            if (dryRun) {
                return new StepOutcome(
                        Kind.PLANNED, "create role " + plan.roleName() + " trusted by Lambda");
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
            return new StepOutcome(Kind.CREATED, "role " + plan.roleArn());
        }
        if (PolicyDocuments.same(existing.get().assumeRolePolicyDocument(), plan.trustPolicy())) {
            return new StepOutcome(Kind.UP_TO_DATE, "role " + plan.roleArn());
        }
        if (dryRun) {
            return new StepOutcome(
                    Kind.PLANNED, "reset the trust policy of " + plan.roleName() + " to Lambda");
        }
        iam.updateAssumeRolePolicy(
                r ->
                        r.roleName(plan.roleName())
                                .policyDocument(PolicyDocuments.text(plan.trustPolicy())));
        return new StepOutcome(Kind.UPDATED, "trust policy of " + plan.roleName());
    }

    StepOutcome policy(DeployPlan plan, boolean dryRun) {
        if (!plan.createRole()) {
            return new StepOutcome(
                    Kind.SKIPPED, "the existing role's policies are yours to manage");
        }
        Optional<String> current = currentPolicy(plan);
        if (current.isPresent() && PolicyDocuments.same(current.get(), plan.executionPolicy())) {
            return new StepOutcome(Kind.UP_TO_DATE, "inline policy " + plan.policyName());
        }
        String verb = current.isEmpty() ? "put" : "replace";
        if (dryRun) {
            return new StepOutcome(
                    Kind.PLANNED, verb + " inline policy " + plan.policyName() + " (shown below)");
        }
        iam.putRolePolicy(
                r ->
                        r.roleName(plan.roleName())
                                .policyName(plan.policyName())
                                .policyDocument(PolicyDocuments.text(plan.executionPolicy())));
        return current.isEmpty()
                ? new StepOutcome(Kind.CREATED, "inline policy " + plan.policyName())
                : new StepOutcome(Kind.UPDATED, "inline policy " + plan.policyName());
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
