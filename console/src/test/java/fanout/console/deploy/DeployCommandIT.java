package fanout.console.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fanout.console.aws.memory.FakeAws;
import fanout.console.aws.memory.RecordingSleeper;
import fanout.console.cli.Cli;
import fanout.console.cli.ExitCodes;
import fanout.console.hook.HookCommand;
import fanout.localaws.LocalAws;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DeployCommandIT {
    private static LocalAws local;

    private FakeAws aws;
    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    static void startLocalAws() {
        local = LocalAws.start();
    }

    @AfterAll
    static void stopLocalAws() {
        local.close();
    }

    @BeforeEach
    void newAccount() {
        aws =
                new FakeAws((name, env, payload, timeout) -> payload)
                        .withLocal(local.dynamoEndpoint(), local.kinesisEndpoint());
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = Cli.create(aws.sessions());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        DeployCommand deploy = (DeployCommand) cli.getSubcommands().get("deploy").getCommand();
        deploy.sleeper = new RecordingSleeper();
        deploy.code = () -> "jar".getBytes(StandardCharsets.UTF_8);
        HookCommand hook = (HookCommand) cli.getSubcommands().get("hook").getCommand();
        hook.sleeper = new RecordingSleeper();
        return cli.execute(args);
    }

    @Test
    void deployTwiceReportsEachStepThenEverythingUpToDate() {
        assertThat(run("deploy", "--function", "cmd1")).isZero();
        assertThat(out.toString())
                .contains("Deploying cmd1 in account 123456789012, region us-west-2")
                .contains("execution role created")
                .contains("waiting 1s for the role to propagate to Lambda")
                .contains("function       created")
                .contains("arn:aws:iam::123456789012:role/cmd1Role");

        assertThat(run("deploy", "--function", "cmd1")).isZero();
        assertThat(out.toString()).contains("up to date").contains("Everything is up to date.");
    }

    @Test
    void aJsonDryRunPrintsThePlanWithThePolicyDocumentsAndChangesNothing() throws Exception {
        assertThat(
                        run(
                                "deploy",
                                "--function",
                                "cmd2",
                                "--dry-run",
                                "--output",
                                "json",
                                "--memory",
                                "512"))
                .isZero();

        JsonNode plan = new ObjectMapper().readTree(out.toString());
        assertThat(plan.get("dryRun").asBoolean()).isTrue();
        assertThat(plan.get("memoryMb").asInt()).isEqualTo(512);
        assertThat(plan.at("/environment/FANOUT_METRICS_INTERVAL_SECONDS").asText())
                .as("metrics published often enough for a dashboard read per 10 s")
                .isEqualTo("5");
        assertThat(plan.at("/environment/JAVA_TOOL_OPTIONS").asText())
                .as("the JIT's C2 tier allowed back for a container that lives all class")
                .contains("-XX:TieredStopAtLevel=4");
        assertThat(PolicyDocumentsTest.actions(plan.get("executionPolicy")))
                .isNotEmpty()
                .noneMatch(action -> action.contains("*"));
        assertThat(plan.at("/trustPolicy/Statement/0/Principal/Service").asText())
                .isEqualTo("lambda.amazonaws.com");
        assertThat(plan.get("steps"))
                .filteredOn(step -> !step.get("step").asText().equals("LIVE_ALIAS"))
                .allMatch(step -> step.get("outcome").asText().equals("planned"));
        assertThat(plan.at("/steps/5/outcome").asText())
                .as("no SnapStart asked for: nothing to publish")
                .isEqualTo("skipped");
        assertThat(aws.lambdaFake.functionNames()).isEmpty();
        assertThat(aws.iamFake.role("cmd2Role")).isEmpty();
    }

    @Test
    void badDeployFlagsAreUsageErrorsNamingTheFlag() {
        assertThat(run("deploy", "--memory", "64", "--dry-run")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--memory 64");
        assertThat(run("deploy", "--subnet", "subnet-1", "--dry-run")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--security-group");
    }

    @Test
    void destroyRefusesWithoutYesOffATerminalThenRemovesEverythingAndDoctorSeesIt() {
        aws.kinesis.createStream(r -> r.streamName("coreRetailStream").shardCount(1));
        assertThat(run("deploy", "--function", "cmd3")).isZero();
        assertThat(run("hook", "--function", "cmd3", "--source-arn", FakeAws.SOURCE_ARN)).isZero();
        assertThat(run("doctor", "--function", "cmd3")).isZero();
        assertThat(out.toString())
                .contains("ok    credentials    account 123456789012")
                .contains("ok    function       cmd3 Active, java21")
                .contains("ok    source stream")
                .contains("hooks          1 hook(s)")
                .contains("warn  registrations");

        assertThat(run("destroy", "--function", "cmd3")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("destroy needs --yes");
        assertThat(aws.lambdaFake.functionNames()).containsExactly("cmd3");

        assertThat(run("destroy", "--function", "cmd3", "--yes")).isZero();
        assertThat(out.toString())
                .contains("removed event source mapping")
                .contains("removed function cmd3")
                .contains("removed table cmd3Targets")
                .contains("removed table cmd3State")
                .contains("kept role cmd3Role")
                .doesNotContain("removed role");
        assertThat(aws.iamFake.role("cmd3Role")).as("students' trust is bound to it").isPresent();

        // A leader attached a managed policy by hand: IAM refuses DeleteRole until it is detached.
        aws.iamFake.attachRolePolicy(
                r ->
                        r.roleName("cmd3Role")
                                .policyArn(
                                        "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
        assertThat(run("destroy", "--function", "cmd3", "--yes", "--delete-role")).isZero();
        assertThat(out.toString())
                .contains("removed managed policy AWSLambdaBasicExecutionRole from role cmd3Role")
                .contains("removed inline policy cmd3Policy of role cmd3Role")
                .contains("removed inline policy cmd3-read-coreRetailStream of role cmd3Role")
                .contains("removed role cmd3Role");
        assertThat(aws.lambdaFake.functionNames()).isEmpty();
        assertThat(aws.iamFake.role("cmd3Role")).isEmpty();

        assertThat(run("doctor", "--function", "cmd3")).isEqualTo(ExitCodes.AWS);
        assertThat(out.toString()).contains("FAIL  function").contains("fix: ");
    }

    @Test
    void doctorSaysStudentsMustSaveTheirTrustAgainWhenTheRoleIsYoungerThanTheirRegistration() {
        assertThat(run("deploy", "--function", "cmd4")).isZero();
        run("doctor", "--function", "cmd4");
        assertThat(out.toString()).contains("registrations").doesNotContain("students' trust");

        aws.dynamo.putItem(
                r ->
                        r.tableName("cmd4Targets")
                                .item(
                                        fanout.mapping.MappingCodec.toItem(
                                                fanout.mapping.Mapping.kinesis(
                                                                FakeAws.SOURCE_ARN,
                                                                "ab12",
                                                                "ab12Stream")
                                                        .withRole(
                                                                "arn:aws:iam::210987654321:role/ab12StreamWriter",
                                                                null)
                                                        .withTimes(
                                                                "2026-11-24T09:00:00Z",
                                                                "2026-11-24T09:00:00Z",
                                                                1))));
        run("doctor", "--function", "cmd4");

        assertThat(out.toString())
                .contains("students' trust")
                .contains("after 1 registration(s)")
                .contains("must save their trust policy again");
    }
}
