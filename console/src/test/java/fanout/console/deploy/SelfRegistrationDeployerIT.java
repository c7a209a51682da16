package fanout.console.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fanout.console.aws.memory.FakeAws;
import fanout.console.aws.memory.RecordingSleeper;
import fanout.localaws.LocalAws;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

class SelfRegistrationDeployerIT {
    private static LocalAws local;

    @BeforeAll
    static void startLocalAws() {
        local = LocalAws.start();
    }

    @AfterAll
    static void stopLocalAws() {
        local.close();
    }

    private final FakeAws aws =
            new FakeAws((name, env, payload, timeout) -> payload)
                    .withLocal(local.dynamoEndpoint(), local.kinesisEndpoint());
    private final RecordingSleeper sleeper = new RecordingSleeper();

    private Map<String, StepOutcome> deploy(String function, Optional<String> secret) {
        DeployService service =
                new DeployService(
                        aws,
                        FakeAws.helloRetail(),
                        sleeper,
                        () -> "jar".getBytes(StandardCharsets.UTF_8));
        DeployPlan forwarder = service.plan(DeployRequest.defaults(function));
        service.apply(forwarder, DeployListener.NONE);
        SelfRegistrationDeployer deployer =
                new SelfRegistrationDeployer(
                        aws, sleeper, () -> "jar".getBytes(StandardCharsets.UTF_8));
        Map<String, StepOutcome> steps = new LinkedHashMap<>();
        deployer.deploy(
                deployer.plan(forwarder, FakeAws.helloRetail(), secret),
                false,
                (label, outcome) -> steps.merge(label, outcome, (a, b) -> b));
        return steps;
    }

    @Test
    void theSecondFunctionGetsItsOwnRoleAPublicUrlAndTheWorkshopsRuleAndASecondRunChangesNothing() {
        Map<String, StepOutcome> first = deploy("classA", Optional.of("s3cret"));
        assertThat(first.get("selfreg fn").kind()).isEqualTo(StepOutcome.Kind.CREATED);
        assertThat(first.get("function URL").kind()).isEqualTo(StepOutcome.Kind.CREATED);
        FunctionConfiguration function =
                aws.lambda.getFunction(r -> r.functionName("classA-selfreg")).configuration();
        assertThat(function.handler()).isEqualTo("fanout.selfreg.SlackHandler::handleRequest");
        assertThat(function.role()).isEqualTo("arn:aws:iam::123456789012:role/classA-selfregRole");
        assertThat(function.environment().variables())
                .containsEntry("FANOUT_SELFREG_FORWARDER", "classA")
                .containsEntry("FANOUT_SELFREG_STREAM_ID_PATTERN", "^([a-zA-Z0-9]{4})Stream$")
                .containsEntry("FANOUT_SELFREG_ROLE_ID_PATTERN", "^([a-zA-Z0-9]{4})StreamWriter$")
                .containsEntry(
                        "FANOUT_SELFREG_FANOUT_ROLE_ARN",
                        "arn:aws:iam::123456789012:role/classARole")
                .containsEntry("FANOUT_TARGETS_TABLE", "classATargets")
                .containsEntry("SLACK_SIGNING_SECRET", "s3cret");
        assertThat(
                        aws.lambda
                                .getFunctionUrlConfig(r -> r.functionName("classA-selfreg"))
                                .authTypeAsString())
                .isEqualTo("NONE");
        assertThat(aws.lambdaFake.permissionStatementIds("classA-selfreg"))
                .containsExactlyInAnyOrder(
                        "FunctionURLAllowPublicAccess", "FunctionURLInvokeAllowPublicAccess");

        Map<String, StepOutcome> second = deploy("classA", Optional.empty());
        assertThat(second.values())
                .allMatch(
                        o ->
                                o.kind() == StepOutcome.Kind.UP_TO_DATE
                                        || o.kind() == StepOutcome.Kind.SKIPPED);
        assertThat(
                        aws.lambda
                                .getFunction(r -> r.functionName("classA-selfreg"))
                                .configuration()
                                .environment()
                                .variables())
                .as("a re-deploy without the secret keeps the one the function has")
                .containsEntry("SLACK_SIGNING_SECRET", "s3cret");
    }

    @Test
    void itsPolicyNamesEveryActionAndResourceAndCannotAssumeStudentRoles() {
        deploy("classB", Optional.of("s3cret"));
        String document =
                aws.iamFake
                        .role("classB-selfregRole")
                        .orElseThrow()
                        .inlinePolicies()
                        .get("classB-selfregPolicy");
        JsonNode policy = PolicyDocuments.parse(document);
        List<String> actions = new ArrayList<>();
        for (JsonNode statement : policy.path("Statement")) {
            statement.path("Action").forEach(a -> actions.add(a.asText()));
            assertThat(statement.path("Resource").toString()).doesNotContain("\"*\"");
        }
        assertThat(actions)
                .containsExactlyInAnyOrder(
                        "dynamodb:GetItem",
                        "dynamodb:UpdateItem",
                        "dynamodb:DeleteItem",
                        "dynamodb:GetItem",
                        "dynamodb:PutItem",
                        "lambda:InvokeFunction",
                        "logs:CreateLogGroup",
                        "logs:CreateLogStream",
                        "logs:PutLogEvents")
                .noneMatch(a -> a.contains("*") || a.startsWith("sts:"));
        assertThat(document)
                .contains("function:classB\"")
                .contains("function:classB-selfreg\"")
                .contains("table/classBTargets")
                .contains("table/classBState");
    }

    @Test
    void destroyRemovesTheFunctionItsUrlAndItsRole() {
        deploy("classC", Optional.of("s3cret"));
        SelfRegistrationDeployer deployer =
                new SelfRegistrationDeployer(aws, sleeper, () -> new byte[0]);
        assertThat(deployer.inventory("classC")).hasSize(2);
        List<String> removed = new ArrayList<>();
        deployer.destroy("classC", removed::add);
        assertThat(removed)
                .contains("function classC-selfreg and its URL", "role classC-selfregRole");
        assertThat(aws.lambdaFake.functionNames()).doesNotContain("classC-selfreg");
        assertThat(aws.iamFake.role("classC-selfregRole")).isEmpty();
        assertThat(deployer.currentUrl("classC-selfreg")).isEmpty();
    }
}
