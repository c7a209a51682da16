package fanout.console.aws.memory;

import fanout.console.aws.policy.AwsFaults;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * One role of {@link InMemoryIam} and IAM's rules for what a role holds: its tags, inline policies
 * and attached managed policies. Guarded by the fake's lock.
 */
final class StoredRole {
    final String name;
    final String arn;
    final String roleId;
    final Instant createdAt;
    final Map<String, String> tags = new LinkedHashMap<>();
    final Map<String, String> policies = new LinkedHashMap<>();
    final Set<String> attached = new LinkedHashSet<>();

    /** The trust policy as IAM keeps it: role principals bound to their unique ids. */
    TrustPolicy trust;

    long generation;

    StoredRole(String name, String arn, String roleId, Instant createdAt, TrustPolicy trust) {
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

    Role toRole(String shownTrust) {
        return Role.builder()
                .roleName(name)
                .arn(arn)
                .roleId(roleId)
                .path(arn.substring(arn.indexOf(":role") + 5, arn.lastIndexOf('/') + 1))
                .createDate(createdAt)
                .assumeRolePolicyDocument(InMemoryIam.urlEncode(shownTrust))
                .tags(tagList())
                .build();
    }

    /** IAM deletes only a role without policies, attached ones first. */
    void requireDeletable() {
        if (!attached.isEmpty()) {
            throw deleteConflict("Cannot delete entity, must detach all policies first.");
        }
        if (!policies.isEmpty()) {
            throw deleteConflict("Cannot delete entity, must delete policies first.");
        }
    }

    /** Adds or replaces an inline policy within the name rules and the role's size quota. */
    void putPolicy(String policyName, String document) {
        IamLimits.requireName("policyName", policyName, IamLimits.POLICY_NAME_MAX);
        IamLimits.requireDocument(document);
        Map<String, String> after = new LinkedHashMap<>(policies);
        after.put(policyName, document);
        IamLimits.requireInlineSize(name, after.values());
        policies.put(policyName, document);
    }

    String policy(String policyName) {
        String document = policies.get(policyName);
        if (document == null) {
            throw noSuchPolicy(policyName);
        }
        return document;
    }

    void deletePolicy(String policyName) {
        if (policies.remove(policyName) == null) {
            throw noSuchPolicy(policyName);
        }
    }

    /** Attaches a managed policy; false when it was attached already. */
    boolean attach(String policyArn) {
        if (attached.contains(policyArn)) {
            return false;
        }
        IamLimits.requireAttachable(attached.size());
        attached.add(policyArn);
        return true;
    }

    void detach(String policyArn) {
        if (!attached.remove(policyArn)) {
            throw noSuchEntity("Policy " + policyArn + " was not found.");
        }
    }

    List<AttachedPolicy> attachedPolicies() {
        List<AttachedPolicy> list = new ArrayList<>();
        for (String policyArn : attached) {
            list.add(
                    AttachedPolicy.builder()
                            .policyArn(policyArn)
                            .policyName(policyArn.substring(policyArn.lastIndexOf('/') + 1))
                            .build());
        }
        return list;
    }

    private static NoSuchEntityException noSuchPolicy(String policyName) {
        return noSuchEntity("The role policy with name " + policyName + " cannot be found.");
    }

    static NoSuchEntityException noSuchEntity(String message) {
        return AwsFaults.IAM.fault(NoSuchEntityException.builder(), "NoSuchEntity", 404, message);
    }

    private static DeleteConflictException deleteConflict(String message) {
        return AwsFaults.IAM.fault(
                DeleteConflictException.builder(), "DeleteConflict", 409, message);
    }
}
