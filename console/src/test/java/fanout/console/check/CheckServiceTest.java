package fanout.console.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fanout.console.aws.memory.FakeAws;
import fanout.console.aws.memory.FanoutFixture;
import fanout.console.aws.memory.FunctionRuntime;
import fanout.console.aws.memory.RecordingSleeper;
import fanout.console.cli.Cli;
import fanout.console.cli.ExitCodes;
import fanout.mapping.Mapping;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CheckServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FANOUT_ROLE = "arn:aws:iam::123456789012:role/fanoutRole";

    private final List<JsonNode> requests = new ArrayList<>();

    /** Answers the pinned control format: ab12 ok, cd34 role denied, ef56 stream missing. */
    private final FunctionRuntime runtime =
            (name, env, payload, timeout) -> {
                try {
                    JsonNode request = JSON.readTree(payload);
                    requests.add(request);
                    ObjectNode response = JSON.createObjectNode().put("action", "check");
                    ArrayNode results = response.putArray("results");
                    results.add(result("ab12", true, true, true, "ACTIVE", null, null));
                    results.add(
                            result(
                                    "cd34",
                                    false,
                                    false,
                                    false,
                                    null,
                                    "AccessDenied",
                                    "not authorized"));
                    results.add(
                            result(
                                    "ef56",
                                    false,
                                    true,
                                    false,
                                    null,
                                    "ResourceNotFoundException",
                                    "Stream ef56Stream not found"));
                    results.add(
                            result(
                                    "zz99",
                                    false,
                                    false,
                                    false,
                                    null,
                                    "NotRegistered",
                                    "no mapping"));
                    return JSON.writeValueAsBytes(response);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };

    private static ObjectNode result(
            String id,
            boolean ok,
            boolean role,
            boolean stream,
            String status,
            String code,
            String error) {
        return JSON.createObjectNode()
                .put("id", id)
                .put("ok", ok)
                .put("roleAssumed", role)
                .put("streamFound", stream)
                .put("streamStatus", status)
                .put("code", code)
                .put("error", error);
    }

    private static Mapping student(String id, String account) {
        return Mapping.kinesis(FakeAws.SOURCE_ARN, id, id + "Stream")
                .withRole("arn:aws:iam::" + account + ":role/" + id + "StreamWriter", null)
                .withRegion("us-west-2");
    }

    private FakeAws deployed() {
        return FanoutFixture.deployFanout(new FakeAws(runtime, 0, 0));
    }

    @Test
    void checkSendsThePinnedControlRequestAndMapsEachResultToAFix() {
        FakeAws aws = deployed();
        Map<String, Mapping> registered =
                Map.of(
                        "ab12",
                        student("ab12", "210987654321"),
                        "cd34",
                        student("cd34", "210987654322"),
                        "ef56",
                        student("ef56", "210987654323"));
        CheckService service =
                new CheckService(new LambdaControlFunction(aws), source -> registered, "us-west-2");

        List<StudentCheck> results =
                service.check("fanout", FakeAws.SOURCE_ARN, List.of("ab12", "cd34"));

        assertThat(requests.get(0).toString())
                .isEqualTo(
                        "{\"action\":\"check\",\"sourceArn\":\""
                                + FakeAws.SOURCE_ARN
                                + "\",\"ids\":[\"ab12\",\"cd34\"]}");
        assertThat(results)
                .extracting(StudentCheck::id)
                .containsExactly("ab12", "cd34", "ef56", "zz99");
        assertThat(results.get(0).ok()).isTrue();
        assertThat(results.get(0).fix()).isEmpty();
        assertThat(results.get(1).fix())
                .isEqualTo(
                        "the student's role arn:aws:iam::210987654322:role/cd34StreamWriter must trust "
                                + FANOUT_ROLE
                                + " (run `fanout handout`)");
        assertThat(results.get(2).fix())
                .isEqualTo("create stream ef56Stream in us-west-2 of account 210987654323");
        assertThat(results.get(3).fix()).contains("register zz99");
    }

    @Test
    void checkingWithoutADeployedFunctionExitsThreeAndSaysToDeploy() {
        FakeAws aws = new FakeAws(runtime);
        CommandLine cli = Cli.create(aws.sessions());
        cli.addSubcommand(new RosterCheckCommand());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute("check", "--source-arn", FakeAws.SOURCE_ARN))
                .isEqualTo(ExitCodes.AWS);
        assertThat(err.toString()).contains("run `fanout deploy`");
    }

    @Test
    void anInactiveFunctionIsAwaitedAndCheckedOnceMoreAndTheLeaderIsToldWhy() {
        FakeAws aws = FanoutFixture.deployFanout(new FakeAws(runtime, 0, 1));
        aws.lambda.getFunction(r -> r.functionName("fanout"));
        aws.lambdaFake.idle("fanout");
        List<String> notices = new ArrayList<>();
        RecordingSleeper sleeper = new RecordingSleeper();
        CheckService service =
                new CheckService(
                        new LambdaControlFunction(aws),
                        source -> Map.of(),
                        "us-west-2",
                        java.util.Optional.empty(),
                        sleeper,
                        notices::add,
                        role -> java.util.Optional.empty());

        List<StudentCheck> results = service.check("fanout", FakeAws.SOURCE_ARN, List.of("ab12"));

        assertThat(results).extracting(StudentCheck::id).contains("ab12");
        assertThat(requests).as("the check ran once, after the function came back").hasSize(1);
        assertThat(notices.get(0)).contains("Inactive", "checking once more");
    }

    @Test
    void aClassOf300IsCheckedInInvocationsOfAtMost100Students() {
        FakeAws aws = deployed();
        Map<String, Mapping> registered = new java.util.HashMap<>();
        for (int i = 0; i < 300; i++) {
            String id = String.format("s%03d", i);
            registered.put(id, student(id, "210987654321"));
        }
        CheckService service =
                new CheckService(new LambdaControlFunction(aws), source -> registered, "us-west-2");

        service.check("fanout", FakeAws.SOURCE_ARN, List.of());

        assertThat(requests).hasSize(3);
        assertThat(requests).allSatisfy(r -> assertThat(r.path("ids").size()).isEqualTo(100));
        java.util.Set<String> asked = new java.util.HashSet<>();
        requests.forEach(r -> r.path("ids").forEach(id -> asked.add(id.asText())));
        assertThat(asked).isEqualTo(registered.keySet());
    }

    @Test
    void aStudentWhoRegisteredBeforeTheFanoutRoleWasRecreatedIsToldToSaveTheirTrustAgain() {
        FakeAws aws = deployed();
        java.time.Instant recreated = java.time.Instant.parse("2026-11-25T09:00:00Z");
        Map<String, Mapping> registered =
                Map.of(
                        "cd34",
                        student("cd34", "210987654322")
                                .withTimes("2026-11-24T09:00:00Z", "2026-11-24T09:00:00Z", 1),
                        "ab12",
                        student("ab12", "210987654321")
                                .withTimes("2026-11-25T10:00:00Z", "2026-11-25T10:00:00Z", 1));
        List<String> notices = new ArrayList<>();
        CheckService service =
                new CheckService(
                        new LambdaControlFunction(aws),
                        source -> registered,
                        "us-west-2",
                        java.util.Optional.empty(),
                        new RecordingSleeper(),
                        notices::add,
                        role -> java.util.Optional.of(recreated));

        List<StudentCheck> results =
                service.check("fanout", FakeAws.SOURCE_ARN, List.of("ab12", "cd34"));

        assertThat(results.get(1).id()).isEqualTo("cd34");
        assertThat(results.get(1).fix())
                .contains("was re-created at 2026-11-25T09:00:00Z")
                .contains("save their trust policy again");
        assertThat(results.get(3).fix()).as("not registered: unrelated").contains("register zz99");
        assertThat(notices).as("2 of 4 refuse the role: not a class-wide cause").isEmpty();
    }
}
