package fanout.console.deploy;

import fanout.console.aws.AwsClients;
import fanout.console.aws.NotFound;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * What deploy left in an account, looked up by name, so destroy and the self-registration teardown
 * remove only what is there and (for roles) what deploy created.
 */
record DeployedResources(AwsClients aws) {
    DeployedResources {
        Objects.requireNonNull(aws, "aws");
    }

    boolean functionExists(String function) {
        return NotFound.asEmpty(() -> aws.lambda().getFunction(r -> r.functionName(function)))
                .isPresent();
    }

    boolean tableExists(String table) {
        return NotFound.asEmpty(() -> aws.dynamo().describeTable(r -> r.tableName(table)))
                .isPresent();
    }

    /**
     * The name of {@code <function>Role} when deploy created it for {@code function} (tagged with
     * it), else empty: a role the leader brought is never ours to remove.
     */
    Optional<String> ownRole(String function) {
        String name = DeployPlan.roleName(function);
        try {
            aws.iam().getRole(r -> r.roleName(name));
            boolean ours =
                    aws.iam().listRoleTags(r -> r.roleName(name)).tags().stream()
                            .anyMatch(
                                    tag ->
                                            tag.key().equals(DeployPlan.ROLE_TAG)
                                                    && tag.value().equals(function));
            return ours ? Optional.of(name) : Optional.empty();
        } catch (NoSuchEntityException e) {
            return Optional.empty();
        }
    }
}
