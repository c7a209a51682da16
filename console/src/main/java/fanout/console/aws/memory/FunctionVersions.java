package fanout.console.aws.memory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.SnapStartResponse;

/**
 * The published versions and aliases of one function. Versions are numbered 1, 2, 3 ... and never
 * reuse a number; publishing without a change since the last version returns that version again, as
 * Lambda does. Guarded by the fake's lock.
 */
final class FunctionVersions {
    private final Map<String, PublishedVersion> versions = new LinkedHashMap<>();
    private final Map<String, StoredAlias> aliases = new LinkedHashMap<>();
    private int lastNumber;
    private String nextSnapshotFailure;

    /** The version last published, when it still exists and nothing changed in $LATEST since. */
    Optional<PublishedVersion> unchangedSince(StoredFunction function) {
        PublishedVersion last = versions.get(String.valueOf(lastNumber));
        boolean unchanged =
                last != null
                        && last.codeSha256.equals(function.codeSha256)
                        && last.configurationRevision == function.configurationRevision;
        return unchanged ? Optional.of(last) : Optional.empty();
    }

    /** A new version from $LATEST's configuration, Pending for {@code pendingPolls} reads. */
    PublishedVersion publish(StoredFunction function, int pendingPolls) {
        String number = String.valueOf(++lastNumber);
        FunctionConfiguration frozen =
                function.describe("Active", "Successful").toBuilder()
                        .functionArn(function.arn + ":" + number)
                        .version(number)
                        .stateReason(null)
                        .snapStart(
                                SnapStartResponse.builder()
                                        .applyOn(function.snapStartApplyOn)
                                        .optimizationStatus(
                                                function.snapStartOnPublish() ? "On" : "Off")
                                        .build())
                        .build();
        PublishedVersion version =
                new PublishedVersion(function, frozen, pendingPolls, nextSnapshotFailure);
        nextSnapshotFailure = null;
        versions.put(number, version);
        return version;
    }

    /** Makes the next published version's snapshot fail with {@code reason}. */
    void failNextSnapshot(String reason) {
        nextSnapshotFailure = reason;
    }

    /** The version number, or $LATEST, that a version number or alias names. */
    Optional<String> versionNamed(String qualifier) {
        StoredAlias alias = aliases.get(qualifier);
        if (alias != null) {
            return Optional.of(alias.functionVersion());
        }
        return versions.containsKey(qualifier) ? Optional.of(qualifier) : Optional.empty();
    }

    /** Whether an alias may point at {@code version}: $LATEST or a published one. */
    boolean exists(String version) {
        return FunctionReference.LATEST.equals(version) || versions.containsKey(version);
    }

    Optional<PublishedVersion> version(String number) {
        return Optional.ofNullable(versions.get(number));
    }

    void removeVersion(String number) {
        versions.remove(number);
    }

    /** The names of the aliases pointing at {@code version}. */
    List<String> aliasesOf(String version) {
        List<String> names = new ArrayList<>();
        for (StoredAlias alias : aliases.values()) {
            if (alias.functionVersion().equals(version)) {
                names.add(alias.name());
            }
        }
        return names;
    }

    Optional<StoredAlias> alias(String name) {
        return Optional.ofNullable(aliases.get(name));
    }

    void putAlias(StoredAlias alias) {
        aliases.put(alias.name(), alias);
    }

    void removeAlias(String name) {
        aliases.remove(name);
    }

    List<StoredAlias> aliases() {
        return List.copyOf(aliases.values());
    }
}
