package fanout.console.deploy;

import fanout.console.aws.Identity;
import fanout.console.hook.Hook;
import fanout.mapping.Mapping;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The reads {@code doctor} makes of an installation, one per check. AWS failures propagate as they
 * are (a missing function or table included); the service turns each into that check's FAIL line.
 */
interface InstallationReads {
    /** The session's region (where the function and tables are looked for). */
    String region();

    /** Who the credentials are. */
    Identity caller();

    FunctionSummary function(String functionName);

    RoleSummary role(String roleName);

    /** The names of the role's inline policies. */
    List<String> inlinePolicies(String roleName);

    /** The table's status as DynamoDB says it (ACTIVE, CREATING, ...). */
    String tableStatus(String table);

    /** The stream, by ARN, asked of its own region. */
    StreamSummary stream(String streamArn);

    /** The version alias {@code live} points at (deploy --snap-start); empty without the alias. */
    Optional<VersionSummary> liveAlias(String functionName);

    /** Every event source mapping of the function (every page). */
    List<Hook> hooks(String functionName);

    /** How many rows of the targets table the source has (a count, every page). */
    int registrationCount(String table, String sourceArn);

    /** The source's rows of the targets table. */
    Collection<Mapping> registrations(String table, String sourceArn);

    /**
     * What doctor shows of the function.
     *
     * @param environment empty when the function has none
     * @param snapStart whether published versions get a SnapStart snapshot
     */
    record FunctionSummary(
            String role,
            String state,
            String runtime,
            Integer memoryMegabytes,
            Map<String, String> environment,
            String codeSha256,
            boolean snapStart) {
        public FunctionSummary {
            environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        }
    }

    /**
     * @param created null when IAM does not say
     */
    record RoleSummary(String arn, Instant created) {}

    record StreamSummary(String status, Integer openShards) {}

    /**
     * A published version.
     *
     * @param stateReason why it failed, when it did
     * @param snapshot whether SnapStart took a snapshot of it (OptimizationStatus On)
     */
    record VersionSummary(
            String version,
            String state,
            String stateReason,
            String codeSha256,
            boolean snapshot) {}
}
