package fanout.console.deploy;

import fanout.console.aws.LiveAlias;
import fanout.console.deploy.InstallationReads.FunctionSummary;
import fanout.console.deploy.InstallationReads.VersionSummary;
import fanout.console.hook.Hook;
import java.util.List;
import java.util.Optional;

/**
 * Doctor's SnapStart line, when SnapStart is on or alias live exists: is a snapshotted version
 * published, does the alias hold the code {@code $LATEST} has, and do the hooks invoke the alias?
 * Each answer that is no says which deploy fixes it.
 */
final class SnapStartCheck {
    static final String NAME = "SnapStart";

    private SnapStartCheck() {}

    static Optional<DoctorCheck> check(
            String function,
            FunctionSummary latest,
            Optional<VersionSummary> alias,
            List<Hook> hooks) {
        if (!latest.snapStart() && alias.isEmpty()) {
            return Optional.empty();
        }
        String deploy = "run `fanout deploy`";
        if (alias.isEmpty()) {
            return Optional.of(
                    DoctorCheck.warn(
                            NAME,
                            "on, but no version is published: the hooks invoke $LATEST, which"
                                    + " SnapStart never snapshots",
                            deploy + " to publish one and move the hooks onto alias live"));
        }
        VersionSummary version = alias.get();
        String on = "alias live → version " + version.version();
        if ("Failed".equals(version.state())) {
            return Optional.of(
                    DoctorCheck.fail(
                            NAME,
                            on + " failed: " + version.stateReason(),
                            "fix the cause, then " + deploy + "; or deploy --no-snap-start"));
        }
        if (!version.codeSha256().equals(latest.codeSha256())) {
            return Optional.of(
                    DoctorCheck.warn(
                            NAME,
                            on + " runs older code than $LATEST (changed outside deploy?)",
                            deploy + " to publish $LATEST and move the alias"));
        }
        long onLatest =
                hooks.stream()
                        .filter(h -> !h.invokes(function).equals(LiveAlias.of(function)))
                        .count();
        if (onLatest > 0) {
            return Optional.of(
                    DoctorCheck.warn(
                            NAME,
                            on + "; " + onLatest + " hook(s) still invoke $LATEST",
                            deploy + " to move them onto the alias"));
        }
        String snapshot =
                version.snapshot()
                        ? " (snapshot taken)"
                        : latest.snapStart() ? "" : " (SnapStart off: no snapshot)";
        return Optional.of(
                DoctorCheck.ok(
                        NAME, on + snapshot + ", " + hooks.size() + " hook(s) on the alias"));
    }
}
