package fanout.console.deploy;

import fanout.console.aws.AwsResult;
import fanout.mapping.Mapping;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Optional;

/**
 * AWS binds a role named in a trust policy to that role's unique id when the policy is saved. A
 * fan-out role deleted and re-created under the same name is therefore a stranger to every trust
 * policy saved before: each student must save theirs again (the same text). This tells when that
 * applies, from the role's creation time and when students registered.
 */
public final class TrustBinding {
    /** What a student must do when their trust policy predates the fan-out role. */
    public static final String SAVE_AGAIN =
            "every student whose trust policy was saved before then must save their trust policy again, unchanged"
                    + " (AWS bound it to the old role's unique id; `fanout handout` has the text)";

    private TrustBinding() {}

    /** True when the student registered before the role was created (so trusted an older one). */
    public static boolean predates(Mapping registration, Instant roleCreated) {
        return createdAt(registration).map(at -> at.isBefore(roleCreated)).orElse(false);
    }

    /** How many of the registrations predate the role. */
    public static long predating(Collection<Mapping> registrations, Instant roleCreated) {
        return registrations.stream().filter(m -> predates(m, roleCreated)).count();
    }

    /** The fix for a student whose trust predates a re-created role. */
    public static String fix(String roleArn, Instant roleCreated) {
        return "the fan-out role "
                + roleArn
                + " was re-created at "
                + roleCreated
                + ": the student must save their trust policy again, unchanged (AWS bound it to the"
                + " old role's unique id; `fanout handout` has the text)";
    }

    private static Optional<Instant> createdAt(Mapping mapping) {
        if (mapping.createdAt() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(mapping.createdAt()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Doctor's warning when the fan-out role is younger than registrations: their trust names an
     * older role. Empty when there is nothing to say or it cannot be read (other checks report
     * that).
     */
    static Optional<DoctorCheck> check(
            InstallationReads reads, Optional<String> roleArn, String table, String sourceArn) {
        return roleArn.flatMap(
                arn ->
                        AwsResult.of(() -> check(reads, arn, table, sourceArn))
                                .orElse(Optional.empty()));
    }

    private static Optional<DoctorCheck> check(
            InstallationReads reads, String roleArn, String table, String sourceArn) {
        Instant created = reads.role(roleArn.substring(roleArn.lastIndexOf('/') + 1)).created();
        if (created == null) {
            return Optional.empty();
        }
        long predating = predating(reads.registrations(table, sourceArn), created);
        if (predating == 0) {
            return Optional.empty();
        }
        return Optional.of(
                DoctorCheck.warn(
                        "students' trust",
                        "role "
                                + roleArn
                                + " was created at "
                                + created
                                + ", after "
                                + predating
                                + " registration(s)",
                        SAVE_AGAIN));
    }
}
