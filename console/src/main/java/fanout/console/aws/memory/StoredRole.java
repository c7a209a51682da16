package fanout.console.aws.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/** One role of {@link InMemoryIam}; guarded by the fake's lock. */
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
}
