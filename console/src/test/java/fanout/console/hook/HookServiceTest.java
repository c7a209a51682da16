package fanout.console.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.console.aws.memory.FakeAws;
import fanout.console.aws.memory.FanoutFixture;
import fanout.console.aws.memory.RecordingSleeper;
import fanout.console.cli.ExitCodes;
import fanout.console.deploy.PolicyDocuments;
import fanout.console.problem.AwsAccessException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingRequest;

class HookServiceTest {
    private final FakeAws aws = new FakeAws((n, e, p, t) -> p, 0, 1);
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final HookService service = new HookService(aws, sleeper);
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void deployTheFunction() {
        FanoutFixture.deployFanout(aws);
    }

    private static HookRequest request() {
        return new HookRequest(
                "fanout", FakeAws.SOURCE_ARN, "TRIM_HORIZON", Optional.empty(), 100, 1, true);
    }

    private List<EventSourceMappingConfiguration> mappings() {
        return aws.lambda
                .listEventSourceMappings(r -> r.functionName("fanout"))
                .eventSourceMappings();
    }

    @Test
    void hookGrantsReadOnTheStreamThenCreatesAMappingThatReportsItemFailures() {
        HookOutcome outcome = service.hook(request(), progress::add);

        assertThat(outcome).isInstanceOf(HookOutcome.Hooked.class);
        assertThat(((HookOutcome.Hooked) outcome).grantPolicy())
                .isEqualTo("fanout-read-coreRetailStream");
        assertThat(aws.iamFake.role("fanoutRole").orElseThrow().inlinePolicies())
                .containsEntry(
                        "fanout-read-coreRetailStream",
                        PolicyDocuments.streamRead(FakeAws.SOURCE_ARN).toString());
        EventSourceMappingConfiguration mapping = mappings().get(0);
        assertThat(mapping.eventSourceArn()).isEqualTo(FakeAws.SOURCE_ARN);
        assertThat(mapping.functionResponseTypes())
                .containsExactly(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
        assertThat(mapping.batchSize()).isEqualTo(100);
        assertThat(mapping.maximumBatchingWindowInSeconds()).isEqualTo(1);
        assertThat(mapping.maximumRetryAttempts()).isEqualTo(-1);
        assertThat(mapping.bisectBatchOnFunctionError()).isFalse();
        assertThat(mapping.startingPositionAsString()).isEqualTo("TRIM_HORIZON");
    }

    @Test
    void hookWaitsWhileTheGrantPropagates() {
        service.hook(request(), progress::add);

        assertThat(sleeper.sleeps).hasSize(1);
        assertThat(progress).anyMatch(line -> line.contains("the read grant to propagate"));
    }

    @Test
    void anExistingHookIsReportedNotDuplicated() {
        service.hook(request(), progress::add);
        HookOutcome again = service.hook(request(), progress::add);

        assertThat(again).isInstanceOf(HookOutcome.AlreadyHooked.class);
        assertThat(mappings()).hasSize(1);
    }

    @Test
    void pauseAndResumeDisableAndEnableTheMapping() {
        service.hook(request(), progress::add);

        assertThat(service.setEnabled("fanout", FakeAws.SOURCE_ARN, false, progress::add).state())
                .isEqualTo("Disabling");
        assertThat(service.setEnabled("fanout", FakeAws.SOURCE_ARN, true, progress::add).state())
                .isEqualTo("Enabling");
        assertThat(service.find("fanout", FakeAws.SOURCE_ARN).orElseThrow().enabled()).isTrue();
    }

    @Test
    void unhookRemovesTheMappingAndTheGrant() {
        service.hook(request(), progress::add);

        assertThat(service.unhook("fanout", FakeAws.SOURCE_ARN)).isPresent();
        assertThat(service.find("fanout", FakeAws.SOURCE_ARN)).isEmpty();
        assertThat(aws.iamFake.role("fanoutRole").orElseThrow().inlinePolicies()).isEmpty();
    }

    @Test
    void hookingAFunctionThatIsNotDeployedSaysToDeploy() {
        HookRequest other =
                new HookRequest(
                        "missing", FakeAws.SOURCE_ARN, "LATEST", Optional.empty(), 100, 1, true);
        assertThatThrownBy(() -> service.hook(other, progress::add))
                .isInstanceOf(AwsAccessException.class)
                .hasMessageContaining("run `fanout deploy`");
    }

    @Test
    void badHookOptionsAreUsageErrorsNamingTheFlag() {
        assertThatThrownBy(
                        () ->
                                new HookRequest(
                                        "fanout",
                                        FakeAws.SOURCE_ARN,
                                        "AT_TIMESTAMP",
                                        Optional.empty(),
                                        100,
                                        1,
                                        true))
                .hasMessageContaining("--starting-position-timestamp");
        assertThatThrownBy(
                        () ->
                                new HookRequest(
                                        "fanout",
                                        FakeAws.SOURCE_ARN,
                                        "LATEST",
                                        Optional.empty(),
                                        20000,
                                        1,
                                        true))
                .hasMessageContaining("--batch-size 20000");
    }

    @Test
    void theHookCommandsWorkThroughTheCommandLine() {
        CommandLine cli = fanout.console.cli.Cli.create(aws.sessions());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        ((HookCommand) cli.getSubcommands().get("hook").getCommand()).sleeper = sleeper;
        ((PauseCommand) cli.getSubcommands().get("pause").getCommand()).sleeper = sleeper;

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
        assertThat(mappings())
                .extracting(EventSourceMappingConfiguration::state)
                .containsOnly("Deleting");
    }

    private static final String OTHER_SOURCE =
            "arn:aws:kinesis:us-west-2:123456789012:stream/otherStream";

    /** A mapping made by hand or by another tool, with settings the forwarder cannot work with. */
    private String createDrifted() {
        aws.iamFake.putRolePolicy(
                r ->
                        r.roleName("fanoutRole")
                                .policyName("by-hand")
                                .policyDocument(
                                        PolicyDocuments.streamRead(FakeAws.SOURCE_ARN).toString()));
        for (int attempt = 0; ; attempt++) {
            try {
                return aws.lambda
                        .createEventSourceMapping(
                                r ->
                                        r.functionName("fanout")
                                                .eventSourceArn(FakeAws.SOURCE_ARN)
                                                .startingPosition("LATEST")
                                                .parallelizationFactor(2)
                                                .maximumRetryAttempts(3)
                                                .bisectBatchOnFunctionError(true))
                        .uuid();
            } catch (InvalidParameterValueException e) {
                // The fake's grant propagates after one refusal, as IAM's does after a while.
                assertThat(attempt).isLessThan(3);
            }
        }
    }

    @Test
    void hookOnAnExistingMappingWithOtherSettingsSaysWhichDifferAndHowAndChangesNothing() {
        createDrifted();
        InUse lambda = new InUse();
        aws.lambda = lambda.wrap(aws.lambdaFake);

        HookOutcome outcome = service.hook(request(), false, progress::add);

        assertThat(outcome).isInstanceOf(HookOutcome.Drifted.class);
        assertThat(((HookOutcome.Drifted) outcome).differences())
                .anyMatch(d -> d.startsWith("FunctionResponseTypes lacks ReportBatchItemFailures"))
                .anyMatch(d -> d.startsWith("ParallelizationFactor is 2, needs 1"))
                .anyMatch(d -> d.startsWith("MaximumRetryAttempts is 3, needs -1"))
                .anyMatch(d -> d.startsWith("BisectBatchOnFunctionError is true, needs false"))
                .noneMatch(d -> d.startsWith("MaximumRecordAgeInSeconds"));
        assertThat(lambda.updates).isEmpty();
        assertThat(mappings()).hasSize(1);
    }

    @Test
    void hookRepairUpdatesTheMappingInPlaceRetryingWhileItIsInUse() {
        String uuid = createDrifted();
        InUse lambda = new InUse().failing("updateEventSourceMapping", 2);
        aws.lambda = lambda.wrap(aws.lambdaFake);

        HookOutcome outcome = service.hook(request(), true, progress::add);

        assertThat(outcome).isInstanceOf(HookOutcome.Repaired.class);
        assertThat(((HookOutcome.Repaired) outcome).differences()).hasSize(3 + 1);
        UpdateEventSourceMappingRequest sent = lambda.updates.get(lambda.updates.size() - 1);
        assertThat(sent.uuid()).isEqualTo(uuid);
        assertThat(sent.functionResponseTypes())
                .containsExactly(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES);
        assertThat(sent.parallelizationFactor()).isEqualTo(1);
        assertThat(sent.maximumRetryAttempts()).isEqualTo(-1);
        assertThat(sent.bisectBatchOnFunctionError()).isFalse();
        assertThat(sent.maximumRecordAgeInSeconds()).isEqualTo(-1);
        assertThat(sleeper.sleeps).hasSize(2);
        assertThat(progress)
                .anyMatch(line -> line.contains("the hook to finish its current change"));
        assertThat(mappings())
                .extracting(EventSourceMappingConfiguration::uuid)
                .containsExactly(uuid);
    }

    @Test
    void theHookCommandExitsOneOnADriftedHookAndRepairFixesIt() {
        createDrifted();
        aws.lambda = new InUse().wrap(aws.lambdaFake);
        CommandLine cli = fanout.console.cli.Cli.create(aws.sessions());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        ((HookCommand) cli.getSubcommands().get("hook").getCommand()).sleeper = sleeper;

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

    @Test
    void aNewHookHasEverySettingTheForwarderReliesOn() {
        service.hook(request(), progress::add);

        Hook hook = service.find("fanout", FakeAws.SOURCE_ARN).orElseThrow();
        assertThat(HookSettings.differences(hook)).isEmpty();
        assertThat(mappings().get(0).parallelizationFactor()).isEqualTo(1);
        assertThat(mappings().get(0).maximumRecordAgeInSeconds()).isEqualTo(-1);
    }

    @Test
    void unhookRetriesWhileTheMappingIsInUse() {
        service.hook(request(), progress::add);
        aws.lambda = new InUse().failing("deleteEventSourceMapping", 2).wrap(aws.lambdaFake);

        assertThat(service.unhook("fanout", FakeAws.SOURCE_ARN, progress::add)).isPresent();

        assertThat(sleeper.sleeps).hasSize(1 + 2);
        assertThat(mappings())
                .extracting(EventSourceMappingConfiguration::state)
                .containsOnly("Deleting");
    }

    @Test
    void pauseRetriesWhileTheMappingIsInUse() {
        service.hook(request(), progress::add);
        aws.lambda = new InUse().failing("updateEventSourceMapping", 1).wrap(aws.lambdaFake);

        assertThat(service.setEnabled("fanout", FakeAws.SOURCE_ARN, false, progress::add).state())
                .isEqualTo("Disabling");
        assertThat(sleeper.sleeps).hasSize(1 + 1);
    }

    @Test
    void removingEveryHookSkipsThoseAlreadyDeletingAndWaitsUntilLambdaRemovedThem() {
        service.hook(request(), progress::add);
        service.hook(
                new HookRequest(
                        "fanout", OTHER_SOURCE, "TRIM_HORIZON", Optional.empty(), 100, 1, true),
                progress::add);
        String deleting = service.find("fanout", FakeAws.SOURCE_ARN).orElseThrow().uuid();
        service.unhook("fanout", FakeAws.SOURCE_ARN);
        InUse lambda = new InUse().failing("deleteEventSourceMapping", 1);
        aws.lambda = lambda.wrap(aws.lambdaFake);
        List<String> removed = new ArrayList<>();

        List<Hook> deleted = service.removeAll("fanout", removed::add, progress::add);

        assertThat(deleted).extracting(Hook::sourceArn).containsExactly(OTHER_SOURCE);
        assertThat(lambda.deletedUuids).doesNotContain(deleting);
        assertThat(removed).singleElement().asString().contains(OTHER_SOURCE);
        assertThat(progress)
                .anyMatch(line -> line.contains(deleting + " is already being deleted"));
        assertThat(progress)
                .anyMatch(line -> line.contains("Lambda to delete the event source mappings"));
        assertThat(mappings()).isEmpty();
    }
}
