package fanout.console.aws.memory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.DeleteRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteRoleResponse;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRoleTagsRequest;
import software.amazon.awssdk.services.iam.model.ListRoleTagsResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.TagRoleRequest;
import software.amazon.awssdk.services.iam.model.TagRoleResponse;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyResponse;

/**
 * IAM roles and their inline policies, in memory, for one account. Like AWS it returns policy
 * documents URL-encoded, refuses to delete a role that still has inline policies, and answers
 * NoSuchEntity for what does not exist. Thread-safe.
 */
public final class InMemoryIam implements IamClient {
    private final String account;
    private final Clock clock;
    private final Map<String, StoredRole> roles = new LinkedHashMap<>();
    private long generation;

    public InMemoryIam(String account, Clock clock) {
        this.account = Objects.requireNonNull(account, "account");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String account() {
        return account;
    }

    /**
     * A role as the other fakes see it, by name or ARN.
     *
     * @param generation increases on every change of the role or its policies, so a fake can model
     *     propagation delays per change
     */
    public record RoleView(
            String name,
            String arn,
            String roleId,
            Instant createdAt,
            String trustPolicy,
            Map<String, String> inlinePolicies,
            long generation) {
        public RoleView {
            inlinePolicies = Map.copyOf(inlinePolicies);
        }
    }

    public synchronized Optional<RoleView> role(String nameOrArn) {
        String name = nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1);
        StoredRole role = roles.get(name);
        if (role == null || (nameOrArn.startsWith("arn:") && !role.arn.equals(nameOrArn))) {
            return Optional.empty();
        }
        return Optional.of(
                new RoleView(
                        role.name,
                        role.arn,
                        role.roleId,
                        role.createdAt,
                        role.trust,
                        role.policies,
                        role.generation));
    }

    @Override
    public synchronized CreateRoleResponse createRole(CreateRoleRequest request) {
        if (roles.containsKey(request.roleName())) {
            throw AwsFaults.<EntityAlreadyExistsException>fault(
                    EntityAlreadyExistsException.builder(),
                    "Iam",
                    "EntityAlreadyExists",
                    409,
                    "Role with name " + request.roleName() + " already exists.");
        }
        String path = request.path() == null ? "/" : request.path();
        StoredRole role =
                new StoredRole(
                        request.roleName(),
                        "arn:aws:iam::" + account + ":role" + path + request.roleName(),
                        String.format("AROA%016X", ++generation),
                        clock.instant(),
                        request.assumeRolePolicyDocument());
        role.generation = generation;
        request.tags().forEach(tag -> role.tags.put(tag.key(), tag.value()));
        roles.put(role.name, role);
        return CreateRoleResponse.builder().role(role.toRole()).build();
    }

    @Override
    public synchronized GetRoleResponse getRole(GetRoleRequest request) {
        return GetRoleResponse.builder().role(find(request.roleName()).toRole()).build();
    }

    @Override
    public synchronized UpdateAssumeRolePolicyResponse updateAssumeRolePolicy(
            UpdateAssumeRolePolicyRequest request) {
        StoredRole role = find(request.roleName());
        role.trust = request.policyDocument();
        role.generation = ++generation;
        return UpdateAssumeRolePolicyResponse.builder().build();
    }

    @Override
    public synchronized TagRoleResponse tagRole(TagRoleRequest request) {
        StoredRole role = find(request.roleName());
        request.tags().forEach(tag -> role.tags.put(tag.key(), tag.value()));
        return TagRoleResponse.builder().build();
    }

    @Override
    public synchronized ListRoleTagsResponse listRoleTags(ListRoleTagsRequest request) {
        return ListRoleTagsResponse.builder()
                .tags(find(request.roleName()).tagList())
                .isTruncated(false)
                .build();
    }

    @Override
    public synchronized DeleteRoleResponse deleteRole(DeleteRoleRequest request) {
        StoredRole role = find(request.roleName());
        if (!role.policies.isEmpty()) {
            throw AwsFaults.<DeleteConflictException>fault(
                    DeleteConflictException.builder(),
                    "Iam",
                    "DeleteConflict",
                    409,
                    "Cannot delete entity, must delete policies first.");
        }
        roles.remove(role.name);
        return DeleteRoleResponse.builder().build();
    }

    @Override
    public synchronized PutRolePolicyResponse putRolePolicy(PutRolePolicyRequest request) {
        StoredRole role = find(request.roleName());
        role.policies.put(request.policyName(), request.policyDocument());
        role.generation = ++generation;
        return PutRolePolicyResponse.builder().build();
    }

    @Override
    public synchronized GetRolePolicyResponse getRolePolicy(GetRolePolicyRequest request) {
        StoredRole role = find(request.roleName());
        String document = role.policies.get(request.policyName());
        if (document == null) {
            throw noSuchEntity(
                    "The role policy with name " + request.policyName() + " cannot be found.");
        }
        return GetRolePolicyResponse.builder()
                .roleName(role.name)
                .policyName(request.policyName())
                .policyDocument(urlEncode(document))
                .build();
    }

    @Override
    public synchronized DeleteRolePolicyResponse deleteRolePolicy(DeleteRolePolicyRequest request) {
        StoredRole role = find(request.roleName());
        if (role.policies.remove(request.policyName()) == null) {
            throw noSuchEntity(
                    "The role policy with name " + request.policyName() + " cannot be found.");
        }
        role.generation = ++generation;
        return DeleteRolePolicyResponse.builder().build();
    }

    @Override
    public synchronized ListRolePoliciesResponse listRolePolicies(ListRolePoliciesRequest request) {
        return ListRolePoliciesResponse.builder()
                .policyNames(new ArrayList<>(find(request.roleName()).policies.keySet()))
                .isTruncated(false)
                .build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {}

    private StoredRole find(String name) {
        StoredRole role = roles.get(name);
        if (role == null) {
            throw noSuchEntity("The role with name " + name + " cannot be found.");
        }
        return role;
    }

    private static NoSuchEntityException noSuchEntity(String message) {
        return AwsFaults.fault(
                NoSuchEntityException.builder(), "Iam", "NoSuchEntity", 404, message);
    }

    /** AWS returns policy documents URL-encoded (RFC 3986), so callers must decode them. */
    static String urlEncode(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static final class StoredRole {
        final String name;
        final String arn;
        final String roleId;
        final Instant createdAt;
        final Map<String, String> tags = new LinkedHashMap<>();
        final Map<String, String> policies = new LinkedHashMap<>();
        String trust;
        long generation;

        StoredRole(String name, String arn, String roleId, Instant createdAt, String trust) {
            this.name = name;
            this.arn = arn;
            this.roleId = roleId;
            this.createdAt = createdAt;
            this.trust = trust;
        }

        List<Tag> tagList() {
            List<Tag> list = new ArrayList<>();
            tags.forEach((key, value) -> list.add(Tag.builder().key(key).value(value).build()));
            return list;
        }

        Role toRole() {
            return Role.builder()
                    .roleName(name)
                    .arn(arn)
                    .roleId(roleId)
                    .path(arn.substring(arn.indexOf(":role") + 5, arn.lastIndexOf('/') + 1))
                    .createDate(createdAt)
                    .assumeRolePolicyDocument(urlEncode(trust))
                    .tags(tagList())
                    .build();
        }
    }
}
