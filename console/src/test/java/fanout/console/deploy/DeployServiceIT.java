package fanout.console.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.console.aws.memory.FailOnce;
import fanout.console.aws.memory.FakeAws;
import fanout.console.aws.memory.RecordingSleeper;
import fanout.localaws.LocalAws;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

class DeployServiceIT {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static LocalAws local;

    private final RecordingSleeper sleeper = new RecordingSleeper();

    @BeforeAll
    static void startLocalAws() {
        local = LocalAws.start();
    }

    @AfterAll
    static void stopLocalAws() {
        local.close();
    }

    private static FakeAws aws() {
        return new FakeAws((name, env, payload, timeout) -> payload)
                .withLocal(local.dynamoEndpoint(), local.kinesisEndpoint());
    }

    private static String function() {
        return "fanout" + NAMES.incrementAndGet();
    }

    private DeployService service(FakeAws aws, String code) {
        return new DeployService(
                aws, FakeAws.helloRetail(), sleeper, () -> code.getBytes(StandardCharsets.UTF_8));
    }

    /** The steps every deploy runs: the live alias only runs under --snap-start. */
    private static List<StepOutcome> outcomes(DeployReport report) {
        return report.steps().stream()
                .filter(step -> step.step() != DeployStep.LIVE_ALIAS)
                .map(DeployReport.StepResult::outcome)
                .toList();
    }

    @Test
    void aDeployFromScratchCreatesEverythingAndASecondRunChangesNothing() {
        FakeAws aws = aws();
        String function = function();
        DeployService service = service(aws, "jar-1");
        DeployReport first =
                service.apply(service.plan(DeployRequest.defaults(function)), DeployListener.NONE);

        assertThat(outcomes(first)).allMatch(outcome -> outcome.kind() == StepOutcome.Kind.CREATED);
        assertThat(first.steps().get(DeployStep.LIVE_ALIAS.ordinal()).outcome().kind())
                .isEqualTo(StepOutcome.Kind.SKIPPED);
        FunctionConfiguration deployed =
                aws.lambda.getFunction(r -> r.functionName(function)).configuration();
        assertThat(deployed.stateAsString()).isEqualTo("Active");
        assertThat(deployed.role())
                .isEqualTo("arn:aws:iam::123456789012:role/" + function + "Role");
        assertThat(deployed.runtimeAsString()).isEqualTo("java21");
        assertThat(deployed.handler()).isEqualTo("fanout.FanoutHandler::handleRequest");
        assertThat(deployed.memorySize()).isEqualTo(1024);
        assertThat(deployed.timeout()).isEqualTo(60);
        assertThat(deployed.environment().variables())
                .containsEntry("FANOUT_TARGETS_TABLE", function + "Targets")
                .containsEntry("FANOUT_STATE_TABLE", function + "State")
                .containsEntry("FANOUT_TRANSFORM", "hello-retail")
                .containsEntry("FANOUT_METRIC_NAMESPACE", "Fanout");
        assertThat(
                        aws.dynamo
                                .describeTable(r -> r.tableName(function + "Targets"))
                                .table()
                                .keySchema())
                .extracting(k -> k.attributeName() + ":" + k.keyTypeAsString())
                .containsExactly("sourceArn:HASH", "id:RANGE");
        assertThat(aws.iamFake.role(function + "Role").orElseThrow().inlinePolicies())
                .containsKey(function + "Policy");

        DeployReport second =
                service.apply(service.plan(DeployRequest.defaults(function)), DeployListener.NONE);
        assertThat(outcomes(second))
                .allMatch(outcome -> outcome.kind() == StepOutcome.Kind.UP_TO_DATE);
        assertThat(second.changed()).isFalse();
    }

    @Test
    void theFunctionIsCreatedOnceTheNewRolePropagatesWithGrowingWaits() {
        FakeAws aws = aws();
        String function = function();
        DeployService service = service(aws, "jar");
        List<String> progress = new java.util.ArrayList<>();
        service.apply(
                service.plan(DeployRequest.defaults(function)),
                new DeployListener() {
                    @Override
                    public void progress(DeployStep step, String message) {
                        progress.add(step + " " + message);
                    }
                });
        // Two refused CreateFunction calls (IAM propagation), then two Pending polls.
        assertThat(progress).filteredOn(line -> line.contains("role to propagate")).hasSize(2);
        assertThat(progress).filteredOn(line -> line.contains("to become Active")).isNotEmpty();
        assertThat(sleeper.sleeps.subList(sleeper.sleeps.size() - 4, sleeper.sleeps.size() - 2))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "iam:createRole",
                "iam:putRolePolicy",
                "dynamo:createTable",
                "dynamo:describeTable",
                "lambda:createFunction",
                "lambda:getFunction"
            })
    void aDeployInterruptedAtAnyStepIsCompletedByARerun(String failure) {
        FakeAws aws = aws();
        String[] where = failure.split(":");
        if (where[0].equals("iam")) {
            aws.iam = FailOnce.on(IamClient.class, aws.iamFake, where[1]);
        } else if (where[0].equals("dynamo")) {
            aws.dynamo = FailOnce.on(DynamoDbClient.class, aws.dynamo, where[1]);
        } else {
            aws.lambda = FailOnce.on(LambdaClient.class, aws.lambdaFake, where[1]);
        }
        String function = function();
        DeployService service = service(aws, "jar");
        DeployPlan plan = service.plan(DeployRequest.defaults(function));
        assertThatThrownBy(() -> service.apply(plan, DeployListener.NONE))
                .hasRootCauseInstanceOf(SdkClientException.class);

        DeployReport rerun = service(aws, "jar").apply(plan, DeployListener.NONE);

        assertThat(rerun.steps()).hasSize(DeployStep.values().length);
        assertThat(
                        aws.lambdaFake
                                .getFunction(r -> r.functionName(function))
                                .configuration()
                                .stateAsString())
                .isEqualTo("Active");
        assertThat(service(aws, "jar").apply(plan, DeployListener.NONE).changed()).isFalse();
    }

    @Test
    void aDryRunReadsButChangesNothing() {
        FakeAws aws = aws();
        String function = function();
        DeployService service = service(aws, "jar");
        DeployReport preview =
                service.preview(
                        service.plan(DeployRequest.defaults(function)), DeployListener.NONE);

        assertThat(outcomes(preview))
                .allMatch(outcome -> outcome.kind() == StepOutcome.Kind.PLANNED);
        assertThat(aws.iamFake.role(function + "Role")).isEmpty();
        assertThat(aws.lambdaFake.functionNames()).isEmpty();
        assertThat(aws.dynamo.listTables().tableNames())
                .doesNotContain(function + "Targets", function + "State");
    }

    @Test
    void changedCodeAndSettingsAreUpdatedAndMerelyReported() {
        FakeAws aws = aws();
        String function = function();
        service(aws, "jar-1")
                .apply(
                        service(aws, "jar-1").plan(DeployRequest.defaults(function)),
                        DeployListener.NONE);
        DeployRequest bigger =
                new DeployRequest(
                        function,
                        2048,
                        60,
                        "java21",
                        java.util.Optional.empty(),
                        java.util.Optional.of("none"),
                        List.of(),
                        List.of(),
                        java.util.Optional.empty());
        DeployService v2 = service(aws, "jar-2");
        DeployReport report = v2.apply(v2.plan(bigger), DeployListener.NONE);

        StepOutcome outcome = report.steps().get(DeployStep.FUNCTION.ordinal()).outcome();
        assertThat(outcome.kind()).isEqualTo(StepOutcome.Kind.UPDATED);
        assertThat(outcome.detail()).contains("code", "memory", "environment");
        Map<String, String> env =
                aws.lambdaFake
                        .getFunction(r -> r.functionName(function))
                        .configuration()
                        .environment()
                        .variables();
        assertThat(env).containsEntry("FANOUT_TRANSFORM", "none");
        assertThat(
                        aws.lambdaFake
                                .getFunction(r -> r.functionName(function))
                                .configuration()
                                .memorySize())
                .isEqualTo(2048);
    }

    @Test
    void anExistingExecutionRoleIsUsedAsIsAndDestroyLeavesIt() {
        FakeAws aws = aws();
        String function = function();
        String role =
                aws.iamFake
                        .createRole(
                                r ->
                                        r.roleName("leaderLambdaRole")
                                                .assumeRolePolicyDocument(
                                                        PolicyDocuments.lambdaTrust().toString()))
                        .role()
                        .arn();
        DeployService service = service(aws, "jar");
        DeployReport report =
                service.apply(
                        service.plan(DeployRequest.defaults(function).withExecRoleArn(role)),
                        DeployListener.NONE);

        assertThat(report.steps().get(DeployStep.ROLE.ordinal()).outcome().kind())
                .isEqualTo(StepOutcome.Kind.SKIPPED);
        assertThat(aws.lambdaFake.getFunction(r -> r.functionName(function)).configuration().role())
                .isEqualTo(role);
        assertThat(aws.iamFake.role("leaderLambdaRole").orElseThrow().inlinePolicies()).isEmpty();

        List<String> removed = new DestroyService(aws).destroy(function, what -> {});
        assertThat(removed)
                .containsExactly(
                        "function " + function,
                        "table " + function + "Targets",
                        "table " + function + "State");
        assertThat(aws.iamFake.role("leaderLambdaRole")).isPresent();
    }

    @Test
    void anInactiveFunctionCountsAsSettledAndNewCodeReactivatesIt() {
        FakeAws aws = aws();
        String function = function();
        DeployService service = service(aws, "jar-1");
        service.apply(service.plan(DeployRequest.defaults(function)), DeployListener.NONE);
        aws.lambdaFake.idle(function);

        DeployReport unchanged =
                service.apply(service.plan(DeployRequest.defaults(function)), DeployListener.NONE);
        assertThat(unchanged.changed()).isFalse();
        assertThat(
                        aws.lambdaFake
                                .getFunction(r -> r.functionName(function))
                                .configuration()
                                .stateAsString())
                .as("left to its next invocation to reactivate")
                .isEqualTo("Inactive");

        DeployService v2 = service(aws, "jar-2");
        DeployReport updated =
                v2.apply(v2.plan(DeployRequest.defaults(function)), DeployListener.NONE);
        assertThat(updated.changed()).isTrue();
        assertThat(
                        aws.lambdaFake
                                .getFunction(r -> r.functionName(function))
                                .configuration()
                                .stateAsString())
                .isEqualTo("Active");
    }
}
