package fanout.console.hook;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.console.aws.memory.FakeAws;
import fanout.console.cli.ExitCodes;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;

/** The hook, pause and unhook commands through the command line: output and exit codes. */
class HookCommandsTest {
    private final HookFixture fixture = new HookFixture();

    @Test
    void theHookCommandsWorkThroughTheCommandLine() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = fixture.cli(out, err);

        assertThat(
                        cli.execute(
                                "hook",
                                "--source-arn",
                                FakeAws.SOURCE_ARN,
                                "--starting-position",
                                "TRIM_HORIZON"))
                .isZero();
        assertThat(cli.execute("hook", "--source-arn", FakeAws.SOURCE_ARN)).isZero();
        assertThat(cli.execute("pause", "--source-arn", FakeAws.SOURCE_ARN)).isZero();
        assertThat(cli.execute("unhook", "--source-arn", FakeAws.SOURCE_ARN))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.execute("unhook", "--source-arn", FakeAws.SOURCE_ARN, "--yes")).isZero();

        assertThat(out.toString())
                .contains("Hooked fanout reads " + FakeAws.SOURCE_ARN)
                .contains("Already hooked")
                .contains("Paused: mapping")
                .contains("Unhooked: removed mapping");
        assertThat(err.toString()).contains("--yes");
        assertThat(fixture.mappings())
                .extracting(EventSourceMappingConfiguration::state)
                .containsOnly("Deleting");
    }

    @Test
    void theHookCommandExitsOneOnADriftedHookAndRepairFixesIt() {
        fixture.createDrifted();
        fixture.aws.lambda = new InUse().wrap(fixture.aws.lambdaFake);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = fixture.cli(out, err);

        assertThat(cli.execute("hook", "--source-arn", FakeAws.SOURCE_ARN))
                .isEqualTo(ExitCodes.FAILURE);
        assertThat(out.toString())
                .contains("Already hooked")
                .contains("differs: ParallelizationFactor is 2, needs 1");
        assertThat(err.toString()).contains("fanout hook --repair");

        assertThat(cli.execute("hook", "--source-arn", FakeAws.SOURCE_ARN, "--repair")).isZero();
        assertThat(out.toString())
                .contains("Repaired: fanout reads " + FakeAws.SOURCE_ARN)
                .contains("fixed: MaximumRetryAttempts is 3, needs -1");
    }
}
