package fanout.console.deploy;

import fanout.console.aws.AwsClients;
import fanout.console.aws.LiveAlias;
import fanout.console.hook.HookService;
import fanout.mapping.TargetsTable;
import fanout.state.StateTable;
import fanout.time.Sleeper;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;

/**
 * Removes a fan-out installation: its event source mappings, the function and both tables. The
 * execution role {@code deploy} created is kept unless asked for: every student's trust policy is
 * bound to that role's unique id, and a re-created role is a stranger to them all. Asked, its
 * managed policies are detached and inline ones deleted first (IAM refuses otherwise). A role
 * passed with {@code --exec-role-arn} is always left alone. Whatever is already gone is skipped, so
 * it can be re-run.
 */
public final class DestroyService {
    private final AwsClients aws;
    private final DeployedResources deployed;
    private final Sleeper sleeper;

    public DestroyService(AwsClients aws) {
        this(aws, Sleeper.SYSTEM);
    }

    /**
     * @param sleeper waits between retries of a mapping in use and while mappings are deleted
     */
    public DestroyService(AwsClients aws, Sleeper sleeper) {
        this.aws = Objects.requireNonNull(aws, "aws");
        this.deployed = new DeployedResources(aws);
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** What {@link #destroy} would remove, keeping the role, for the confirmation prompt. */
    public Inventory inventory(String function) {
        return inventory(function, false);
    }

    /** What {@link #destroy} would remove, for the confirmation prompt. */
    public Inventory inventory(String function, boolean deleteRole) {
        List<String> hooks = new ArrayList<>();
        for (EventSourceMappingConfiguration mapping : mappings(function)) {
            hooks.add(mapping.uuid() + " (" + mapping.eventSourceArn() + ")");
        }
        boolean functionExists = deployed.functionExists(function);
        List<String> tables = new ArrayList<>();
        for (String table :
                List.of(TargetsTable.defaultName(function), StateTable.defaultName(function))) {
            if (deployed.tableExists(table)) {
                tables.add(table);
            }
        }
        Optional<String> role = deployed.ownRole(function);
        return new Inventory(
                function,
                hooks,
                functionExists,
                tables,
                deleteRole ? role : Optional.empty(),
                deleteRole ? Optional.empty() : role);
    }

    /**
     * Removes everything in the inventory.
     *
     * @param removed told each thing removed, e.g. "event source mapping 1234 (arn:...)"
     * @return what was removed, in order
     */
    public List<String> destroy(String function, Consumer<String> removed) {
        return destroy(function, false, removed);
    }

    /**
     * Removes everything in the inventory, and the execution role too when {@code deleteRole}.
     *
     * @param removed told each thing removed, e.g. "event source mapping 1234 (arn:...)"
     * @return what was removed, in order
     */
    public List<String> destroy(String function, boolean deleteRole, Consumer<String> removed) {
        List<String> done = new ArrayList<>();
        Consumer<String> record =
                what -> {
                    done.add(what);
                    removed.accept(what);
                };
        if (deployed.functionExists(function)) {
            // Retries mappings in a transition, skips those already Deleting, and waits until
            // Lambda has removed them, so the function is not deleted under a live mapping.
            new HookService(aws, sleeper).removeAll(function, record, progress -> {});
        }
        if (deployed.functionExists(function)) {
            aws.lambda().deleteFunction(r -> r.functionName(function));
            record.accept("function " + function);
        }
        for (String table :
                List.of(TargetsTable.defaultName(function), StateTable.defaultName(function))) {
            try {
                aws.dynamo().deleteTable(r -> r.tableName(table));
                record.accept("table " + table);
            } catch (ResourceNotFoundException e) {
                // Already gone: nothing to remove.
            }
        }
        if (deleteRole) {
            deployed.ownRole(function).ifPresent(role -> deleteRole(role, record));
        }
        return done;
    }

    private void deleteRole(String roleName, Consumer<String> record) {
        // A leader may have attached managed policies by hand; DeleteRole refuses until detached.
        List<AttachedPolicy> attached = new ArrayList<>();
        aws.iam()
                .listAttachedRolePoliciesPaginator(r -> r.roleName(roleName))
                .attachedPolicies()
                .forEach(attached::add);
        for (AttachedPolicy policy : attached) {
            aws.iam().detachRolePolicy(r -> r.roleName(roleName).policyArn(policy.policyArn()));
            record.accept("managed policy " + policy.policyName() + " from role " + roleName);
        }
        List<String> policies = aws.iam().listRolePolicies(r -> r.roleName(roleName)).policyNames();
        for (String policy : policies) {
            aws.iam().deleteRolePolicy(r -> r.roleName(roleName).policyName(policy));
            record.accept("inline policy " + policy + " of role " + roleName);
        }
        aws.iam().deleteRole(r -> r.roleName(roleName));
        record.accept("role " + roleName);
    }

    private List<EventSourceMappingConfiguration> mappings(String function) {
        if (!deployed.functionExists(function)) {
            return List.of();
        }
        return LiveAlias.mappings(aws.lambda(), function);
    }

    /**
     * What exists of an installation.
     *
     * @param role the execution role that will be removed
     * @param keptRole the execution role that stays (without {@code --delete-role})
     */
    public record Inventory(
            String function,
            List<String> hooks,
            boolean functionExists,
            List<String> tables,
            Optional<String> role,
            Optional<String> keptRole) {
        public Inventory {
            hooks = List.copyOf(hooks);
            tables = List.copyOf(tables);
        }

        public boolean isEmpty() {
            return hooks.isEmpty() && !functionExists && tables.isEmpty() && role.isEmpty();
        }

        /** One line per thing, for the confirmation. */
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            hooks.forEach(hook -> lines.add("event source mapping " + hook));
            if (functionExists) {
                lines.add("function " + function);
            }
            tables.forEach(
                    table -> lines.add("table " + table + " (and every registration in it)"));
            role.ifPresent(
                    name ->
                            lines.add(
                                    "role "
                                            + name
                                            + " and its policies (every student must then save"
                                            + " their trust policy again for a new role)"));
            return lines;
        }
    }
}
