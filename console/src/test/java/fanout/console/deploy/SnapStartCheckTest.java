package fanout.console.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.console.deploy.InstallationReads.FunctionSummary;
import fanout.console.deploy.InstallationReads.VersionSummary;
import fanout.console.hook.Hook;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnapStartCheckTest {
    private static final String ARN = "arn:aws:lambda:us-west-2:123456789012:function:fanout";

    private static FunctionSummary latest(boolean snapStart) {
        return new FunctionSummary("role", "Active", "java21", 1024, Map.of(), "sha-2", snapStart);
    }

    private static VersionSummary version(String state, String sha) {
        return new VersionSummary(
                "7", state, "Failed".equals(state) ? "init failed: boom" : null, sha, true);
    }

    private static Hook hook(String functionArn) {
        return new Hook(
                "uuid",
                "arn:aws:kinesis:us-west-2:123456789012:stream/coreRetailStream",
                "Enabled",
                100,
                1,
                "LATEST",
                true,
                null,
                1,
                -1,
                false,
                -1,
                functionArn);
    }

    private static DoctorCheck check(
            boolean snapStart, Optional<VersionSummary> alias, List<Hook> hooks) {
        return SnapStartCheck.check("fanout", latest(snapStart), alias, hooks).orElseThrow();
    }

    @Test
    void aFunctionThatNeverUsedSnapStartGetsNoLine() {
        assertThat(SnapStartCheck.check("fanout", latest(false), Optional.empty(), List.of()))
                .isEmpty();
    }

    @Test
    void snapStartOnWithoutAPublishedVersionWarnsThatHooksInvokeLatest() {
        DoctorCheck check = check(true, Optional.empty(), List.of(hook(ARN)));

        assertThat(check.status()).isEqualTo(DoctorCheck.Status.WARN);
        assertThat(check.detail()).contains("no version is published");
        assertThat(check.fix()).contains("fanout deploy");
    }

    @Test
    void aFailedSnapshotFailsWithLambdasReason() {
        DoctorCheck check =
                check(true, Optional.of(version("Failed", "sha-2")), List.of(hook(ARN + ":live")));

        assertThat(check.status()).isEqualTo(DoctorCheck.Status.FAIL);
        assertThat(check.detail()).contains("version 7", "boom");
    }

    @Test
    void anAliasOnOlderCodeThanLatestWarns() {
        DoctorCheck check =
                check(true, Optional.of(version("Active", "sha-1")), List.of(hook(ARN + ":live")));

        assertThat(check.status()).isEqualTo(DoctorCheck.Status.WARN);
        assertThat(check.detail()).contains("older code than $LATEST");
    }

    @Test
    void aHookLeftOnLatestWarnsWithTheDeployThatMovesIt() {
        DoctorCheck check =
                check(
                        true,
                        Optional.of(version("Active", "sha-2")),
                        List.of(hook(ARN + ":live"), hook(ARN)));

        assertThat(check.status()).isEqualTo(DoctorCheck.Status.WARN);
        assertThat(check.detail()).contains("1 hook(s) still invoke $LATEST");
    }

    @Test
    void aSnapshottedVersionBehindTheAliasWithEveryHookOnItIsOk() {
        DoctorCheck check =
                check(true, Optional.of(version("Active", "sha-2")), List.of(hook(ARN + ":live")));

        assertThat(check.status()).isEqualTo(DoctorCheck.Status.OK);
        assertThat(check.detail())
                .isEqualTo("alias live → version 7 (snapshot taken), 1 hook(s) on the alias");
    }
}
