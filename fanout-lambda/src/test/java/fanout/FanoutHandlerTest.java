package fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fanout.forward.SingleClientFactory;
import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import fanout.state.LastError;
import fanout.state.ShardCursors;
import fanout.state.ShardPosition;
import fanout.testing.FakeDynamo;
import fanout.testing.FakeKinesis;
import fanout.testing.RecordingCloudWatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;

class FanoutHandlerTest {
    static final String SOURCE = "arn:aws:kinesis:us-west-2:123456789012:stream/coreRetailStream";
    static final String FIRST = "49659127394405840167428115789226937401171000000000000001";

    private final ObjectMapper json = new ObjectMapper();
    private final FakeDynamo dynamo =
            new FakeDynamo()
                    .table("fanoutTargets", "sourceArn", "id")
                    .table("fanoutState", "pk", "sk");
    private final RecordingCloudWatch cloudWatch = new RecordingCloudWatch();
    private final FakeKinesis kinesis = new FakeKinesis();
    private final Map<String, String> env =
            new HashMap<>(Map.of("FANOUT_TRANSFORM", "hello-retail", "AWS_REGION", "us-west-2"));
    private FanoutHandler handler;

    @AfterEach
    void close() {
        if (handler != null) {
            handler.close();
        }
    }

    private FanoutHandler handler() {
        if (handler == null) {
            handler =
                    new FanoutHandler(
                            env,
                            new ForwarderServices(
                                    dynamo,
                                    cloudWatch,
                                    new SingleClientFactory(kinesis),
                                    Clock.systemUTC()));
        }
        return handler;
    }

    private void register(String id, String stream, boolean parallel) {
        dynamo.put(
                "fanoutTargets",
                MappingCodec.toItem(
                        Mapping.kinesis(SOURCE, id, stream)
                                .withActive(true)
                                .withParallel(parallel)));
    }

    private JsonNode invoke(InputStream input, FakeContext context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler().handleRequest(input, out, context);
        return json.readTree(out.toByteArray());
    }

    private JsonNode invoke(String input) throws IOException {
        return invoke(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), null);
    }

    private JsonNode invokeFixture() throws IOException {
        return invoke(
                getClass().getResourceAsStream("/events/handler-five-records.json"),
                new FakeContext(60_000));
    }

    @Test
    void aKinesisEventIsDeliveredAndAnsweredWithAnEmptyPartialBatchResponse() throws Exception {
        register("ab12", "ab12Stream", false);
        register("cd34", "cd34Stream", true);

        JsonNode answer = invokeFixture();

        assertThat(answer.toString()).isEqualTo("{\"batchItemFailures\":[]}");
        List<String> written = kinesis.written("ab12Stream");
        assertThat(written).hasSize(4);
        JsonNode first = json.readTree(written.get(0));
        assertThat(first.get("schema").asText())
                .isEqualTo("com.nordstrom/retail-stream-egress/1-0-0");
        assertThat(first.get("eventId").asText()).isEqualTo("shardId-000000000003:" + FIRST);
        assertThat(kinesis.keysWritten("ab12Stream")).containsExactly("p1", "p2", "p1", "p1");
        assertThat(kinesis.written("cd34Stream")).hasSize(4);
        // The non-JSON record is rejected, counted and reported, never silently dropped.
        assertThat(dynamo.items("fanoutState"))
                .extracting(i -> i.get("sk").s())
                .containsExactlyInAnyOrder("ab12", "cd34");
        assertThat(LastError.fromItem(dynamo.items("fanoutState").get(0)).message())
                .contains("JSON");
    }

    @Test
    void metricsArePublishedOnceUnderTheConfiguredNamespaceWithTheStreamName() throws Exception {
        env.put("FANOUT_METRIC_NAMESPACE", "ClassOf2026");
        register("ab12", "ab12Stream", true);

        invokeFixture();

        assertThat(cloudWatch.requests).hasSize(1);
        assertThat(cloudWatch.requests.get(0).namespace()).isEqualTo("ClassOf2026");
        assertThat(cloudWatch.requests.get(0).metricData())
                .anySatisfy(
                        d -> {
                            assertThat(d.metricName()).isEqualTo("Delivered");
                            assertThat(d.value()).isEqualTo(4.0);
                            assertThat(d.dimensions())
                                    .contains(
                                            Dimension.builder()
                                                    .name("SourceStream")
                                                    .value("coreRetailStream")
                                                    .build(),
                                            Dimension.builder()
                                                    .name("Target")
                                                    .value("ab12")
                                                    .build());
                        })
                .anySatisfy(
                        d -> {
                            assertThat(d.metricName()).isEqualTo("Rejected");
                            assertThat(d.value()).isEqualTo(1.0);
                        });
    }

    @Test
    void aDestinationStillThrottledAtTheEndOfItsSliceStaysBehindAndTheBatchCompletes()
            throws Exception {
        env.put("FANOUT_DESTINATION_SLICE_SECONDS", "0.3");
        register("ok", "okStream", true);
        register("slow", "slowStream", true);
        kinesis.throttled("slowStream");

        JsonNode answer = invokeFixture();

        assertThat(answer.get("batchItemFailures")).as("nothing goes back to Lambda").isEmpty();
        assertThat(kinesis.written("okStream")).hasSize(4);
        ShardCursors cursors =
                dynamo.items("fanoutState").stream()
                        .filter(i -> i.get("pk").s().startsWith("cursor#"))
                        .map(ShardCursors::fromItem)
                        .findFirst()
                        .orElseThrow();
        assertThat(cursors.shardId()).isEqualTo("shardId-000000000003");
        assertThat(cursors.version()).isEqualTo(1);
        assertThat(cursors.cursors()).containsOnlyKeys("slow");
        assertThat(cursors.cursors().get("slow").position()).isEqualTo(ShardPosition.at(FIRST));
        assertThat(cursors.live())
                .isEqualTo("49659127394405840167428115789226937401171000000000000029");
    }

    @Test
    void aControlCheckIsAnsweredInThePinnedFormat() throws Exception {
        register("ab12", "ab12Stream", false);
        kinesis.missing("gone");
        register("gone1", "gone", true);

        JsonNode answer =
                invoke(
                        "{\"action\":\"check\",\"sourceArn\":\""
                                + SOURCE
                                + "\",\"ids\":[\"ab12\",\"gone1\",\"zz99\"]}");

        assertThat(answer.get("action").asText()).isEqualTo("check");
        JsonNode results = answer.get("results");
        assertThat(results.get(0).get("ok").asBoolean()).isTrue();
        assertThat(results.get(0).get("streamStatus").asText()).isEqualTo("ACTIVE");
        assertThat(results.get(1).get("code").asText()).isEqualTo("ResourceNotFound");
        assertThat(results.get(2).get("code").asText()).isEqualTo("NotRegistered");
    }

    @Test
    void anEventThatIsNeitherKinesisNorControlFailsLoudlyNamingWhatIsWrong() {
        assertThatThrownBy(() -> invoke("this is not json")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> invoke("{\"hello\": 1}"))
                .hasMessageContaining("expected a Kinesis event");
        assertThatThrownBy(() -> invoke("[1,2]")).hasMessageContaining("expected a Kinesis event");
        assertThatThrownBy(() -> invoke("")).hasMessageContaining("expected a Kinesis event");
        assertThatThrownBy(() -> invoke("{\"Records\": [{\"kinesis\": {}}]}"))
                .hasMessageContaining("malformed Kinesis event")
                .hasMessageContaining("Records[0]");
    }

    @Test
    void aControlInvocationThatIsNotUnderstoodIsAnsweredWithABadRequest() throws Exception {
        assertThat(invoke("{\"action\": \"check\"}").get("error").asText()).contains("sourceArn");
        assertThat(invoke("{\"action\": \"nap\", \"sourceArn\": \"x\"}").get("code").asText())
                .isEqualTo("BadRequest");
        assertThat(
                        invoke(
                                        "{\"action\": \"replay\", \"sourceArn\": \"x\", \"id\": \"a\", \"since\": \"9:00\"}")
                                .get("error")
                                .asText())
                .contains("ISO-8601");
    }

    @Test
    void whenMappingsCannotBeReadTheWholeShardGoesBack() throws Exception {
        env.put("FANOUT_TARGETS_TABLE", "noSuchTable");

        JsonNode answer = invokeFixture();

        assertThat(answer.get("batchItemFailures"))
                .singleElement()
                .satisfies(f -> assertThat(f.get("itemIdentifier").asText()).isEqualTo(FIRST));
    }

    @Test
    void theBudgetKeepsAMarginOfTwoSecondsOrTenPercent() {
        env.put("FANOUT_DEFAULT_BUDGET_SECONDS", "42");
        assertThat(handler().budget(new FakeContext(60_000))).isEqualTo(Duration.ofSeconds(54));
        assertThat(handler().budget(new FakeContext(10_000))).isEqualTo(Duration.ofSeconds(8));
        assertThat(handler().budget(new FakeContext(1_000))).isZero();
        assertThat(handler().budget(null)).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void aBadEnvironmentFailsFastNamingTheVariable() {
        env.put("FANOUT_MAPPING_CACHE_TTL_SECONDS", "120");
        org.assertj.core.api.Assertions.assertThatThrownBy(this::handler)
                .hasMessageContaining("FANOUT_MAPPING_CACHE_TTL_SECONDS");
    }
}
