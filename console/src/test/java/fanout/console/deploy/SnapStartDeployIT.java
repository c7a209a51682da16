package fanout.console.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.console.aws.LiveAlias;
import fanout.console.aws.memory.FakeAws;
import fanout.console.aws.memory.RecordingSleeper;
import fanout.console.hook.Hook;
import fanout.console.hook.HookRequest;
import fanout.console.hook.HookService;
import fanout.console.problem.AwsAccessException;
import fanout.localaws.LocalAws;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;

/**
 * {@code deploy --snap-start} on the in-memory Lambda (versions Pending while the snapshot is
 * taken, aliases, mappings filtered by qualifier) with the tables on dynalite.
 */
class SnapStartDeployIT {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static LocalAws local;

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final FakeAws aws =
            new FakeAws((name, env, payload, timeout) -> payload)
                    .withLocal(local.dynamoEndpoint(), local.kinesisEndpoint());
    private final String function = "snap" + NAMES.incrementAndGet();

    @BeforeAll
    static void startLocalAws() {
        local = LocalAws.start();
    }

    @AfterAll
    static void stopLocalAws() {
        local.close();
    }

    private DeployService service(String code) {
        return new DeployService(
                aws, FakeAws.helloRetail(), sleeper, () -> code.getBytes(StandardCharsets.UTF_8));
    }

    private DeployReport deploy(String code, DeployRequest request) {
        DeployService service = service(code);
        return service.apply(service.plan(request), DeployListener.NONE);
    }

    private DeployRequest snapStart() {
        return DeployRequest.defaults(function).withSnapStart(true);
    }

    private static StepOutcome step(DeployReport report, DeployStep step) {
        return report.steps().get(step.ordinal()).outcome();
    }

    private GetAliasResponse alias() {
        return aws.lambda.getAlias(r -> r.functionName(function).name(LiveAlias.NAME));
    }

    private FunctionConfiguration version(String version) {
        return aws.lambda
                .getFunction(r -> r.functionName(function).qualifier(version))
                .configuration();
    }

    @Test
    void withoutTheFlagNothingIsPublishedAndTheHooksInvokeLatest() {
        DeployReport report = deploy("jar-1", DeployRequest.defaults(function));

        assertThat(step(report, DeployStep.LIVE_ALIAS).kind()).isEqualTo(StepOutcome.Kind.SKIPPED);
        assertThat(step(report, DeployStep.LIVE_ALIAS).detail()).contains("--snap-start");
        assertThat(LiveAlias.exists(aws.lambda, function)).isFalse();
        assertThat(LiveAlias.hookTarget(aws.lambda, function)).isEqualTo(function);
    }

    @Test
    void snapStartPublishesAVersionWaitsForItsSnapshotAndPointsLiveAtIt() {
        List<String> progress = new ArrayList<>();
        DeployService service = service("jar-1");
        DeployReport report =
                service.apply(
                        service.plan(snapStart()),
                        new DeployListener() {
                            @Override
                            public void progress(DeployStep step, String message) {
                                progress.add(step + ": " + message);
                            }
                        });

        StepOutcome live = step(report, DeployStep.LIVE_ALIAS);
        assertThat(live.kind()).isEqualTo(StepOutcome.Kind.CREATED);
        assertThat(live.detail()).contains("alias live → version 1", "SnapStart on");
        assertThat(alias().functionVersion()).isEqualTo("1");
        FunctionConfiguration version = version("1");
        assertThat(version.stateAsString()).isEqualTo("Active");
        assertThat(version.snapStart().optimizationStatusAsString()).isEqualTo("On");
        assertThat(
                        aws.lambda
                                .getFunction(r -> r.functionName(function))
                                .configuration()
                                .snapStart()
                                .applyOnAsString())
                .isEqualTo("PublishedVersions");
        // The deploy waited while Lambda took the snapshot, and said so.
        assertThat(progress).anyMatch(line -> line.contains("Lambda takes its snapshot"));
        assertThat(LiveAlias.hookTarget(aws.lambda, function)).isEqualTo(function + ":live");
    }

    @Test
    void aRerunChangesNothingAndNewCodeMovesTheAliasToTheNextVersion() {
        deploy("jar-1", snapStart());

        DeployReport again = deploy("jar-1", DeployRequest.defaults(function));
        assertThat(again.changed()).isFalse();
        assertThat(alias().functionVersion()).isEqualTo("1");

        DeployReport next = deploy("jar-2", DeployRequest.defaults(function));
        StepOutcome live = step(next, DeployStep.LIVE_ALIAS);
        assertThat(live.kind()).isEqualTo(StepOutcome.Kind.UPDATED);
        assertThat(live.detail()).contains("version 2", "moved from version 1");
        assertThat(alias().functionVersion()).isEqualTo("2");
        assertThat(version("2").codeSha256()).isNotEqualTo(version("1").codeSha256());
    }

    @Test
    void existingHooksMoveOntoTheAliasAndAreListedOnce() {
        deploy("jar-1", DeployRequest.defaults(function));
        HookService hooks = new HookService(aws, sleeper);
        hooks.hook(
                new HookRequest(
                        function,
                        FakeAws.SOURCE_ARN,
                        "TRIM_HORIZON",
                        Optional.empty(),
                        100,
                        1,
                        true),
                message -> {});
        assertThat(mappingArns()).containsExactly(functionArn());

        DeployReport report = deploy("jar-1", snapStart());

        assertThat(step(report, DeployStep.LIVE_ALIAS).detail())
                .contains("1 hook moved onto the alias");
        assertThat(mappingArns()).containsExactly(functionArn() + ":live");
        List<Hook> listed = hooks.hooks(function);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).sourceArn()).isEqualTo(FakeAws.SOURCE_ARN);
        assertThat(listed.get(0).invokes(function)).isEqualTo(function + ":live");
    }

    @Test
    void aFailedSnapshotIsReportedAndTheAliasStaysOnTheVersionThatWorks() {
        deploy("jar-1", snapStart());
        aws.lambdaFake.failNextSnapshot(function, "SnapStart init failed: boom");

        assertThatThrownBy(() -> deploy("jar-2", DeployRequest.defaults(function)))
                .isInstanceOf(AwsAccessException.class)
                .hasMessageContaining("version 2")
                .hasMessageContaining("boom")
                .hasMessageContaining("still points at the previous version");
        assertThat(alias().functionVersion()).isEqualTo("1");
    }

    @Test
    void turningSnapStartOffKeepsTheAliasCurrentForTheHooksOnIt() {
        deploy("jar-1", snapStart());

        DeployReport off = deploy("jar-2", DeployRequest.defaults(function).withSnapStart(false));

        assertThat(step(off, DeployStep.FUNCTION).detail()).contains("SnapStart");
        assertThat(step(off, DeployStep.LIVE_ALIAS).detail()).contains("SnapStart off");
        assertThat(alias().functionVersion()).isEqualTo("2");
        assertThat(version("2").snapStart().optimizationStatusAsString()).isEqualTo("Off");
    }

    @Test
    void aDryRunPlansThePublicationAndChangesNothing() {
        deploy("jar-1", DeployRequest.defaults(function));
        DeployService service = service("jar-1");

        DeployReport plan = service.preview(service.plan(snapStart()), DeployListener.NONE);

        assertThat(step(plan, DeployStep.FUNCTION).detail()).contains("SnapStart");
        assertThat(step(plan, DeployStep.LIVE_ALIAS).kind()).isEqualTo(StepOutcome.Kind.PLANNED);
        assertThat(LiveAlias.exists(aws.lambda, function)).isFalse();

        deploy("jar-1", snapStart());
        DeployReport settled = service.preview(service.plan(snapStart()), DeployListener.NONE);
        assertThat(step(settled, DeployStep.LIVE_ALIAS).kind())
                .isEqualTo(StepOutcome.Kind.UP_TO_DATE);
        assertThat(settled.changed()).isFalse();
        DeployService newCode = service("jar-2");
        assertThat(
                        step(
                                        newCode.preview(
                                                newCode.plan(snapStart()), DeployListener.NONE),
                                        DeployStep.LIVE_ALIAS)
                                .kind())
                .isEqualTo(StepOutcome.Kind.PLANNED);
    }

    private String functionArn() {
        return aws.lambda.getFunction(r -> r.functionName(function)).configuration().functionArn();
    }

    private List<String> mappingArns() {
        return LiveAlias.mappings(aws.lambda, function).stream()
                .map(EventSourceMappingConfiguration::functionArn)
                .toList();
    }
}
