package fanout.selfreg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fanout.control.CheckResult;
import fanout.localaws.LocalAws;
import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import fanout.state.ClassSetting;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The handler end to end on dynalite, with a scripted check standing in for the fan-out function.
 */
class SlackHandlerIT {
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
        dynamo =
                DynamoDbClient.builder()
                        .endpointOverride(local.dynamoEndpoint())
                        .region(Region.US_WEST_2)
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("test", "test")))
                        .build();
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
        createTable(targets, "sourceArn", "id");
        createTable(state, "pk", "sk");
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

    static void createTable(String name, String hash, String range) {
        dynamo.createTable(
                b ->
                        b.tableName(name)
                                .attributeDefinitions(
                                        a ->
                                                a.attributeName(hash)
                                                        .attributeType(ScalarAttributeType.S),
                                        a ->
                                                a.attributeName(range)
                                                        .attributeType(ScalarAttributeType.S))
                                .keySchema(
                                        k -> k.attributeName(hash).keyType(KeyType.HASH),
                                        k -> k.attributeName(range).keyType(KeyType.RANGE))
                                .provisionedThroughput(
                                        p -> p.readCapacityUnits(100L).writeCapacityUnits(100L)));
        // The SDK's waiter polls every 20 s; dynalite is ready in moments.
        for (int i = 0; i < 200; i++) {
            if (dynamo.describeTable(b -> b.tableName(name))
                    .table()
                    .tableStatusAsString()
                    .equals("ACTIVE")) {
                return;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
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

    @Test
    void aSignedHookIsCheckedThenWrittenActiveAsSelfRegisteredAndAnsweredWithTheOutcome()
            throws Exception {
        List<Mapping> checked = new ArrayList<>();
        checker =
                (s, m) -> {
                    checked.add(m);
                    return ok(m.id());
                };
        String answer = text(send(hook("U1", ROLE, STREAM)));
        assertThat(answer)
                .startsWith("Registered ab12: " + STREAM + " receives the class's events");
        assertThat(checked)
                .singleElement()
                .satisfies(
                        m -> {
                            assertThat(m.role()).isEqualTo(ROLE);
                            assertThat(m.region()).isEqualTo("us-west-2");
                            assertThat(m.destination()).isEqualTo("ab12Stream");
                        });
        Mapping row = MappingCodec.fromItem(row("ab12"));
        assertThat(row.active()).isTrue();
        assertThat(row.origin()).isEqualTo("selfreg");
        assertThat(row.parallel()).isFalse();
        assertThat(row.role()).isEqualTo(ROLE);
        assertThat(row.version()).isEqualTo(1);
        assertThat(row("ab12").get("registeredBy").s()).isEqualTo("T1/U1");
    }

    @Test
    void reRegisteringTheSameStreamIsIdempotent() throws Exception {
        send(hook("U1", ROLE, STREAM));
        assertThat(text(send(hook("U1", ROLE, STREAM)))).startsWith("ab12 was already registered");
        assertThat(MappingCodec.fromItem(row("ab12")).version()).isEqualTo(2);
    }

    @Test
    void aBadSignatureMissingHeadersAndAReplayGet401AndNothingElse() throws Exception {
        String form = hook("U1", ROLE, STREAM).toForm("t1");
        String ts = Long.toString(Clock.systemUTC().instant().getEpochSecond());
        String good = SlackSignature.sign(SigningSecret.of(SECRET), ts, form);
        String bad = SlackSignature.sign(SigningSecret.of("guess"), ts, form);
        for (JsonNode answer :
                List.of(post(form, ts, bad), post(form, null, good), post(form, ts, null))) {
            assertThat(answer.path("statusCode").asInt()).isEqualTo(401);
            assertThat(answer.path("body").asText()).isEmpty();
        }
        assertThat(row("ab12")).isEmpty();
        assertThat(text(post(form, ts, good))).startsWith("Registered ab12");
        JsonNode replay = post(form, ts, good);
        assertThat(replay.path("statusCode").asInt()).isEqualTo(401);
        assertThat(replay.path("body").asText()).isEmpty();
    }

    @Test
    void aStaleButOtherwiseCorrectRequestGets401() throws Exception {
        String form = hook("U1", ROLE, STREAM).toForm("t1");
        String ts = Long.toString(Clock.systemUTC().instant().minusSeconds(400).getEpochSecond());
        JsonNode answer = post(form, ts, SlackSignature.sign(SigningSecret.of(SECRET), ts, form));
        assertThat(answer.path("statusCode").asInt()).isEqualTo(401);
        assertThat(row("ab12")).isEmpty();
    }

    @Test
    void aFailedCheckWritesNothingAndAnswersWithTheTrustPolicyToAdd() throws Exception {
        checker =
                (s, m) ->
                        new CheckResult(
                                m.id(),
                                false,
                                false,
                                null,
                                null,
                                "AccessDenied",
                                "not authorized to perform sts:AssumeRole");
        String answer = text(send(hook("U1", ROLE, STREAM)));
        assertThat(answer)
                .startsWith(
                        "Not registered: ab12 failed the check. The class's fan-out role cannot assume")
                .contains(
                        "\"Principal\": {\"AWS\": \"arn:aws:iam::123456789012:role/fanoutRole\"}");
        assertThat(row("ab12")).isEmpty();
    }

    @Test
    void aMissingStreamIsRefusedWithWhereItWasLookedFor() throws Exception {
        checker =
                (s, m) ->
                        new CheckResult(m.id(), false, true, false, null, "ResourceNotFound", "x");
        assertThat(text(send(hook("U1", ROLE, STREAM))))
                .contains("Stream ab12Stream does not exist in us-west-2 of account 210987654321");
        assertThat(row("ab12")).isEmpty();
    }

    @Test
    void aLockedClassAnswersThatRegistrationIsClosedAndWritesNothing() throws Exception {
        dynamo.putItem(
                r -> r.tableName(state).item(ClassSetting.selfRegistrationLock(true).toItem()));
        assertThat(text(send(hook("U1", ROLE, STREAM)))).startsWith("Registration is closed");
        assertThat(row("ab12")).isEmpty();
        dynamo.putItem(
                r -> r.tableName(state).item(ClassSetting.selfRegistrationLock(false).toItem()));
        assertThat(text(send(hook("U1", ROLE, STREAM)))).startsWith("Registered ab12");
    }

    @Test
    void aCheckSlowerThanTheBudgetAnswersCheckingAtOnceAndPostsTheOutcomeLater() throws Exception {
        handler.close();
        handler = handler(Duration.ofMillis(50));
        CountDownLatch release = new CountDownLatch(1);
        checker =
                (s, m) -> {
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return ok(m.id());
                };
        JsonNode checking = send(hook("U1", ROLE, STREAM));
        assertThat(text(checking)).isEqualTo(SlackHandler.CHECKING);
        assertThat(checking.path("headers").path("X-Fanout-Outcome").asText())
                .isEqualTo("checking");
        release.countDown();
        for (int i = 0; i < 100 && late.isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertThat(late).singleElement().asString().startsWith("Registered ab12");
        assertThat(MappingCodec.fromItem(row("ab12")).version()).isEqualTo(1);
    }

    @Test
    void twoStudentsRacingForOneIdLeaveExactlyOneWinner() throws Exception {
        String otherRole = ROLE.replace("210987654321", "333344445555");
        String otherStream = STREAM.replace("210987654321", "333344445555");
        CountDownLatch both = new CountDownLatch(2);
        checker =
                (s, m) -> {
                    both.countDown();
                    try {
                        both.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return ok(m.id());
                };
        CompletableFuture<String> first =
                CompletableFuture.supplyAsync(() -> quietly(hook("U1", ROLE, STREAM)));
        CompletableFuture<String> second =
                CompletableFuture.supplyAsync(() -> quietly(hook("U2", otherRole, otherStream)));
        List<String> answers = List.of(first.get(), second.get());
        assertThat(answers).filteredOn(a -> a.startsWith("Registered ab12")).hasSize(1);
        assertThat(answers)
                .filteredOn(a -> a.contains("is already registered for another stream"))
                .hasSize(1);
        assertThat(MappingCodec.fromItem(row("ab12")).version()).isEqualTo(1);
    }

    private String quietly(SlackCommand command) {
        try {
            return text(send(command));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onlyTheStudentWhoRegisteredCanUnhookAndOnlyTheirOwnStream() throws Exception {
        send(hook("U1", ROLE, STREAM));
        SlackCommand byOther = new SlackCommand("/unhook-stream", STREAM, "U2", "bob", "T1", "");
        assertThat(text(send(byOther))).contains("was registered by another Slack user");
        SlackCommand otherStream =
                new SlackCommand(
                        "/unhook-stream",
                        STREAM.replace("us-west-2", "us-east-1"),
                        "U1",
                        "",
                        "T1",
                        "");
        assertThat(text(send(otherStream)))
                .isEqualTo("Not removed: ab12 is registered for another stream.");
        assertThat(row("ab12")).isNotEmpty();
        SlackCommand byOwner = new SlackCommand("/unhook-stream", STREAM, "U1", "ann", "T1", "");
        assertThat(text(send(byOwner))).startsWith("Unregistered ab12");
        assertThat(row("ab12")).isEmpty();
        assertThat(text(send(new SlackCommand("/unhook-stream", STREAM, "U1", "", "T1", ""))))
                .isEqualTo("Nothing to remove: ab12 is not registered.");
    }

    @Test
    void aRowTheLeaderRegisteredCannotBeUnhookedFromSlack() throws Exception {
        Mapping roster =
                Mapping.kinesis(SOURCE, "ab12", "ab12Stream")
                        .withRegion("us-west-2")
                        .withRole(ROLE, null)
                        .withPeople("Ann", null, "roster");
        dynamo.putItem(r -> r.tableName(targets).item(MappingCodec.toItem(roster)));
        assertThat(text(send(new SlackCommand("/unhook-stream", STREAM, "U1", "", "T1", ""))))
                .startsWith("Not removed: the workshop leader registered ab12");
        assertThat(text(send(hook("U1", ROLE, STREAM)))).startsWith("Registered ab12");
        Mapping after = MappingCodec.fromItem(row("ab12"));
        assertThat(after.origin()).isEqualTo("roster");
        assertThat(after.name()).isEqualTo("Ann");
        assertThat(after.active()).isTrue();
    }

    @Test
    void anInvalidRequestIsAnsweredWithItsMessageAndNoCheck() throws Exception {
        checker =
                (s, m) -> {
                    throw new AssertionError("no check for an invalid request");
                };
        assertThat(text(send(hook("U1", ROLE, "arn:aws:kinesis:us-west-2:210987654321:stream/x"))))
                .startsWith("stream name 'x' does not follow the workshop's rule");
    }
}
