package fanout.console.deploy;

import fanout.console.aws.AwsClients;
import fanout.console.hook.HookService;
import fanout.mapping.TargetsTable;
import fanout.state.StateTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsRequest;

/**
 * Removes a fan-out installation: its event source mappings, the function, both tables, and the
 * execution role with its inline policies when {@code deploy} created it (a role passed with {@code
 * --exec-role-arn} is left alone). Whatever is already gone is skipped, so it can be re-run.
 */
public final class DestroyService {
    private final AwsClients aws;
    private final Sleeper sleeper;

    public DestroyService(AwsClients aws) {
        this(aws, Sleeper.SYSTEM);
    }

    /**
     * @param sleeper waits between retries of a mapping in use and while mappings are deleted
     */
    public DestroyService(AwsClients aws, Sleeper sleeper) {
        this.aws = Objects.requireNonNull(aws, "aws");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** What {@link #destroy} would remove, for the confirmation prompt. */
    public Inventory inventory(String function) {
        List<String> hooks = new ArrayList<>();
        for (EventSourceMappingConfiguration mapping : mappings(function)) {
            hooks.add(mapping.uuid() + " (" + mapping.eventSourceArn() + ")");
        }
        boolean functionExists = functionExists(function);
        List<String> tables = new ArrayList<>();
        for (String table :
                List.of(TargetsTable.defaultName(function), StateTable.defaultName(function))) {
            if (tableExists(table)) {
                tables.add(table);
            }
        }
        Optional<String> role = ownRole(function).map(Role::roleName);
        return new Inventory(function, hooks, functionExists, tables, role);
    }

    /**
     * Removes everything in the inventory.
     *
     * @param removed told each thing removed, e.g. "event source mapping 1234 (arn:...)"
     * @return what was removed, in order
     */
    public List<String> destroy(String function, Consumer<String> removed) {
        List<String> done = new ArrayList<>();
        Consumer<String> record =
                what -> {
                    done.add(what);
                    removed.accept(what);
                };
        if (functionExists(function)) {
            // Retries mappings in a transition, skips those already Deleting, and waits until
            // Lambda has removed them, so the function is not deleted under a live mapping.
            new HookService(aws, sleeper).removeAll(function, record, progress -> {});
        }
        if (functionExists(function)) {
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
        ownRole(function).ifPresent(role -> deleteRole(role.roleName(), record));
        return done;
    }

    private void deleteRole(String roleName, Consumer<String> record) {
        List<String> policies = aws.iam().listRolePolicies(r -> r.roleName(roleName)).policyNames();
        for (String policy : policies) {
            aws.iam().deleteRolePolicy(r -> r.roleName(roleName).policyName(policy));
            record.accept("inline policy " + policy + " of role " + roleName);
        }
        aws.iam().deleteRole(r -> r.roleName(roleName));
        record.accept("role " + roleName);
    }

    private List<EventSourceMappingConfiguration> mappings(String function) {
        if (!functionExists(function)) {
            return List.of();
        }
        List<EventSourceMappingConfiguration> all = new ArrayList<>();
        aws.lambda()
                .listEventSourceMappingsPaginator(
                        ListEventSourceMappingsRequest.builder().functionName(function).build())
                .eventSourceMappings()
                .forEach(all::add);
        return all;
    }

    private boolean functionExists(String function) {
        try {
            aws.lambda().getFunction(r -> r.functionName(function));
            return true;
        } catch (software.amazon.awssdk.services.lambda.model.ResourceNotFoundException e) {
            return false;
        }
    }

    private boolean tableExists(String table) {
        try {
            aws.dynamo().describeTable(r -> r.tableName(table));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    /** {@code <function>Role} when deploy created it (tagged), else empty. */
    private Optional<Role> ownRole(String function) {
        String name = DeployPlan.roleName(function);
        try {
            Role role = aws.iam().getRole(r -> r.roleName(name)).role();
            boolean ours =
                    aws.iam().listRoleTags(r -> r.roleName(name)).tags().stream()
                            .anyMatch(
                                    tag ->
                                            tag.key().equals(DeployPlan.ROLE_TAG)
                                                    && tag.value().equals(function));
            return ours ? Optional.of(role) : Optional.empty();
        } catch (NoSuchEntityException e) {
            return Optional.empty();
        }
    }

    /** What exists of an installation. */
    public record Inventory(
            String function,
            List<String> hooks,
            boolean functionExists,
            List<String> tables,
            Optional<String> role) {
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
            role.ifPresent(name -> lines.add("role " + name + " and its inline policies"));
            return lines;
        }
    }
}
