package fanout.selfreg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fanout.control.CheckResult;
import fanout.localaws.LocalAws;
import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import fanout.testing.LocalTables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The handler end to end on dynalite, with a scripted check standing in for the fan-out function:
 * fresh tables per test, and signed Slack requests sent the way a function URL delivers them.
 */
abstract class SlackHandlerFixture {
    static final String SOURCE = RequestRulesTest.SOURCE;
    static final String ROLE = RequestRulesTest.ROLE;
    static final String STREAM = RequestRulesTest.STREAM;
    static final String SECRET = "sandbox-signing-secret";
    static LocalAws local;
    static DynamoDbClient dynamo;
    static int tables;

    static final java.util.concurrent.atomic.AtomicInteger triggers =
            new java.util.concurrent.atomic.AtomicInteger();
    final ObjectMapper json = new ObjectMapper();
    final List<String> late = new CopyOnWriteArrayList<>();
    volatile BiFunction<String, Mapping, CheckResult> checker = (s, m) -> ok(m.id());
    String targets;
    String state;
    SlackHandler handler;

    @BeforeAll
    static void start() {
        local = LocalAws.start();
        dynamo = LocalTables.client(local.dynamoEndpoint());
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        local.close();
    }

    @BeforeEach
    void fresh() {
        tables++;
        targets = "t" + tables + "Targets";
        state = "t" + tables + "State";
        LocalTables.create(dynamo, targets, "sourceArn", "id");
        LocalTables.create(dynamo, state, "pk", "sk");
        handler = handler(SelfRegistrationConfig.ANSWER_BUDGET);
    }

    @AfterEach
    void close() {
        handler.close();
    }

    SlackHandler handler(Duration budget) {
        Map<String, String> env =
                Map.of(
                        SelfRegistrationConfig.FORWARDER, "fanout",
                        SelfRegistrationConfig.SOURCE_ARN, SOURCE,
                        SelfRegistrationConfig.TARGETS_TABLE, targets,
                        SelfRegistrationConfig.STATE_TABLE, state,
                        SelfRegistrationConfig.STREAM_ID_PATTERN, "^([a-zA-Z0-9]{4})Stream$",
                        SelfRegistrationConfig.ROLE_ID_PATTERN, "^([a-zA-Z0-9]{4})StreamWriter$",
                        SelfRegistrationConfig.ASSUMABLE_ROLE_PATTERN,
                                "arn:aws:iam::*:role/*StreamWriter",
                        SelfRegistrationConfig.FANOUT_ROLE_ARN,
                                "arn:aws:iam::123456789012:role/fanoutRole",
                        SelfRegistrationConfig.SIGNING_SECRET, SECRET);
        SelfRegistrationConfig config =
                SelfRegistrationConfig.fromEnvironment(env, "http://127.0.0.1:")
                        .withAnswerBudget(budget);
        LateAnswers answers =
                new LateAnswers("http://127.0.0.1:", json) {
                    @Override
                    public void post(String responseUrl, Outcome outcome) {
                        late.add(outcome.text());
                    }
                };
        return new SlackHandler(
                config,
                new SelfRegistrationServices(
                        dynamo,
                        (source, candidate) -> checker.apply(source, candidate),
                        Continuation.inProcess(Executors.newSingleThreadExecutor()),
                        answers,
                        Clock.systemUTC()));
    }

    static CheckResult ok(String id) {
        return new CheckResult(id, true, true, true, "ACTIVE", null, null);
    }

    JsonNode post(String form, String timestamp, String signature) throws Exception {
        Map<String, String> headers = new java.util.HashMap<>();
        if (timestamp != null) {
            headers.put("X-Slack-Request-Timestamp", timestamp);
        }
        if (signature != null) {
            headers.put("X-Slack-Signature", signature);
        }
        byte[] event =
                json.writeValueAsBytes(
                        FunctionUrlEvents.event(
                                json, headers, form.getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return json.readTree(out.toByteArray());
    }

    JsonNode send(SlackCommand command) throws Exception {
        String form = command.toForm("trigger-" + triggers.incrementAndGet());
        String ts = Long.toString(Clock.systemUTC().instant().getEpochSecond());
        return post(form, ts, SlackSignature.sign(SigningSecret.of(SECRET), ts, form));
    }

    static SlackCommand hook(String user, String role, String stream) {
        return new SlackCommand(
                "/hook-stream",
                role + " " + stream,
                user,
                user + "-name",
                "T1",
                "http://127.0.0.1:9/r");
    }

    static String text(JsonNode answer) throws Exception {
        assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
        return new ObjectMapper().readTree(answer.path("body").asText()).path("text").asText();
    }

    Map<String, AttributeValue> row(String id) {
        return dynamo.getItem(r -> r.tableName(targets).key(MappingCodec.key(SOURCE, id))).item();
    }
}
