package fanout.console.aws.memory;

import fanout.console.aws.policy.AwsFaults;
import fanout.console.aws.policy.Caller;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyResponse;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.DeleteRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteRoleResponse;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRoleTagsRequest;
import software.amazon.awssdk.services.iam.model.ListRoleTagsResponse;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.TagRoleRequest;
import software.amazon.awssdk.services.iam.model.TagRoleResponse;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyResponse;

/**
 * IAM roles, their inline and attached managed policies, in memory, for one account. Like AWS it
 * returns policy documents URL-encoded; refuses to delete a role that still has inline or attached
 * policies; enforces IAM's name rules and size quotas ({@link IamLimits}); binds a trust policy's
 * role principals to their unique ids ({@link TrustPolicy}); and answers NoSuchEntity for what does
 * not exist. Thread-safe.
 */
public final class InMemoryIam extends InMemoryClient implements IamClient {
    private final String account;
    private final String partition;
    private final Clock clock;
    private final Map<String, StoredRole> roles = new LinkedHashMap<>();
    private final ManagedPolicies managed;
    private long generation;

    public InMemoryIam(String account, Clock clock) {
        super(SERVICE_NAME);
        this.account = Objects.requireNonNull(account, "account");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.partition = "aws";
        this.managed = new ManagedPolicies(partition, account);
    }

    public String account() {
        return account;
    }

    public synchronized Optional<RoleView> role(String nameOrArn) {
        return stored(nameOrArn)
                .map(
                        role ->
                                new RoleView(
                                        role.name,
                                        role.arn,
                                        role.roleId,
                                        role.createdAt,
                                        role.trust.document(),
                                        role.policies,
                                        identityPolicies(role),
                                        role.generation));
    }

    /**
     * The identity a session of this role has: its ARN, and its policies as they are at each call
     * (none once the role is gone).
     */
    public Caller session(String roleName, String sessionName) {
        return new Caller(
                "arn:"
                        + partition
                        + ":sts::"
                        + account
                        + ":assumed-role/"
                        + roleName
                        + "/"
                        + sessionName,
                () -> role(roleName).map(RoleView::policies).orElse(List.of()));
    }

    /** True when the role's trust policy lets the caller (with its role's current id) assume it. */
    synchronized boolean trusts(String roleArn, String callerArn, Optional<String> externalId) {
        Optional<StoredRole> role = stored(roleArn);
        if (role.isEmpty()) {
            return false;
        }
        Optional<String> callerRoleId =
                stored(TrustPolicy.sessionRole(callerArn)).map(r -> r.roleId);
        return role.get().trust.allows(callerArn, callerRoleId, externalId, roleArn);
    }

    @Override
    public synchronized CreateRoleResponse createRole(CreateRoleRequest request) {
        IamLimits.requireName("roleName", request.roleName(), IamLimits.ROLE_NAME_MAX);
        if (roles.containsKey(request.roleName())) {
            throw AwsFaults.IAM.<EntityAlreadyExistsException>fault(
                    EntityAlreadyExistsException.builder(),
                    "EntityAlreadyExists",
                    409,
                    "Role with name " + request.roleName() + " already exists.");
        }
        TrustPolicy trust = bind(request.assumeRolePolicyDocument());
        String path = request.path() == null ? "/" : request.path();
        StoredRole role =
                new StoredRole(
                        request.roleName(),
                        "arn:"
                                + partition
                                + ":iam::"
                                + account
                                + ":role"
                                + path
                                + request.roleName(),
                        String.format("AROA%016X", ++generation),
                        clock.instant(),
                        trust);
        role.generation = generation;
        request.tags().forEach(tag -> role.tags.put(tag.key(), tag.value()));
        roles.put(role.name, role);
        return CreateRoleResponse.builder().role(role.toRole(shown(role))).build();
    }

    @Override
    public synchronized GetRoleResponse getRole(GetRoleRequest request) {
        StoredRole role = find(request.roleName());
        return GetRoleResponse.builder().role(role.toRole(shown(role))).build();
    }

    @Override
    public synchronized UpdateAssumeRolePolicyResponse updateAssumeRolePolicy(
            UpdateAssumeRolePolicyRequest request) {
        changed(request.roleName(), role -> role.trust = bind(request.policyDocument()));
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
        role.requireDeletable();
        roles.remove(role.name);
        return DeleteRoleResponse.builder().build();
    }

    @Override
    public synchronized PutRolePolicyResponse putRolePolicy(PutRolePolicyRequest request) {
        changed(
                request.roleName(),
                role -> role.putPolicy(request.policyName(), request.policyDocument()));
        return PutRolePolicyResponse.builder().build();
    }

    @Override
    public synchronized GetRolePolicyResponse getRolePolicy(GetRolePolicyRequest request) {
        StoredRole role = find(request.roleName());
        return GetRolePolicyResponse.builder()
                .roleName(role.name)
                .policyName(request.policyName())
                .policyDocument(urlEncode(role.policy(request.policyName())))
                .build();
    }

    @Override
    public synchronized DeleteRolePolicyResponse deleteRolePolicy(DeleteRolePolicyRequest request) {
        changed(request.roleName(), role -> role.deletePolicy(request.policyName()));
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
    public synchronized CreatePolicyResponse createPolicy(CreatePolicyRequest request) {
        IamLimits.requireName("policyName", request.policyName(), IamLimits.POLICY_NAME_MAX);
        IamLimits.requireDocument(request.policyDocument());
        String arn = managed.create(request.path(), request.policyName(), request.policyDocument());
        return CreatePolicyResponse.builder()
                .policy(Policy.builder().arn(arn).policyName(request.policyName()).build())
                .build();
    }

    @Override
    public synchronized AttachRolePolicyResponse attachRolePolicy(AttachRolePolicyRequest request) {
        StoredRole role = find(request.roleName());
        if (managed.document(request.policyArn()).isEmpty()) {
            throw StoredRole.noSuchEntity(
                    "Policy " + request.policyArn() + " does not exist or is not attachable.");
        }
        if (role.attach(request.policyArn())) {
            role.generation = ++generation;
        }
        return AttachRolePolicyResponse.builder().build();
    }

    @Override
    public synchronized DetachRolePolicyResponse detachRolePolicy(DetachRolePolicyRequest request) {
        changed(request.roleName(), role -> role.detach(request.policyArn()));
        return DetachRolePolicyResponse.builder().build();
    }

    @Override
    public synchronized ListAttachedRolePoliciesResponse listAttachedRolePolicies(
            ListAttachedRolePoliciesRequest request) {
        return ListAttachedRolePoliciesResponse.builder()
                .attachedPolicies(find(request.roleName()).attachedPolicies())
                .isTruncated(false)
                .build();
    }

    private List<String> identityPolicies(StoredRole role) {
        List<String> documents = new ArrayList<>(role.policies.values());
        role.attached.forEach(arn -> managed.document(arn).ifPresent(documents::add));
        return documents;
    }

    private Optional<StoredRole> stored(String nameOrArn) {
        String name = nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1);
        StoredRole role = roles.get(name);
        if (role == null || (nameOrArn.startsWith("arn:") && !role.arn.equals(nameOrArn))) {
            return Optional.empty();
        }
        return Optional.of(role);
    }

    private TrustPolicy bind(String document) {
        return TrustPolicy.bind(document, account, arn -> stored(arn).map(r -> r.roleId));
    }

    private String shown(StoredRole role) {
        return role.trust.shown(arn -> stored(arn).map(r -> r.roleId));
    }

    /** Applies one change to a role: its generation moves on (see {@link RoleView}). */
    private void changed(String roleName, Consumer<StoredRole> change) {
        StoredRole role = find(roleName);
        change.accept(role);
        role.generation = ++generation;
    }

    private StoredRole find(String name) {
        StoredRole role = roles.get(name);
        if (role == null) {
            throw StoredRole.noSuchEntity("The role with name " + name + " cannot be found.");
        }
        return role;
    }

    /** AWS returns policy documents URL-encoded (RFC 3986), so callers must decode them. */
    static String urlEncode(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
