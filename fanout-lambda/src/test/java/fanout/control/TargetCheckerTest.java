package fanout.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fanout.forward.AssumeRoleSpec;
import fanout.forward.KinesisClientFactory;
import fanout.forward.MappingValidator;
import fanout.mapping.Mapping;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.sts.model.StsException;

class TargetCheckerTest {
    private static final String SOURCE =
            "arn:aws:kinesis:us-west-2:123456789012:stream/coreRetailStream";
    private static final String DENIED_ROLE = "arn:aws:iam::210987654321:role/deniedWriter";
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** Streams "good" (ACTIVE) and "creating" exist; the denied role cannot be assumed. */
    private final KinesisClientFactory factory =
            new KinesisClientFactory() {
                @Override
                public KinesisClient forDestination(String region, Optional<AssumeRoleSpec> role) {
                    return new KinesisClient() {
                        @Override
                        public DescribeStreamSummaryResponse describeStreamSummary(
                                DescribeStreamSummaryRequest request) {
                            if (role.isPresent() && role.get().roleArn().equals(DENIED_ROLE)) {
                                throw SdkClientException.create(
                                        "Unable to load credentials",
                                        StsException.builder()
                                                .awsErrorDetails(
                                                        AwsErrorDetails.builder()
                                                                .errorCode("AccessDenied")
                                                                .errorMessage(
                                                                        "not authorized to perform sts:AssumeRole")
                                                                .build())
                                                .statusCode(403)
                                                .build());
                            }
                            String status =
                                    switch (request.streamName()) {
                                        case "good" -> "ACTIVE";
                                        case "creating" -> "CREATING";
                                        default ->
                                                throw ResourceNotFoundException.builder()
                                                        .awsErrorDetails(
                                                                AwsErrorDetails.builder()
                                                                        .errorCode(
                                                                                "ResourceNotFoundException")
                                                                        .errorMessage(
                                                                                "Stream "
                                                                                        + request
                                                                                                .streamName()
                                                                                        + " not found")
                                                                        .build())
                                                        .statusCode(400)
                                                        .build();
                                    };
                            return DescribeStreamSummaryResponse.builder()
                                    .streamDescriptionSummary(
                                            StreamDescriptionSummary.builder()
                                                    .streamStatus(status)
                                                    .build())
                                    .build();
                        }

                        @Override
                        public String serviceName() {
                            return "kinesis";
                        }

                        @Override
                        public void close() {}
                    };
                }

                @Override
                public void close() {}
            };

    private final List<Mapping> rows =
            List.of(
                    Mapping.kinesis(SOURCE, "ok", "good")
                            .withRole("arn:aws:iam::210987654321:role/okWriter", null),
                    Mapping.kinesis(SOURCE, "norole", "good"),
                    Mapping.kinesis(SOURCE, "denied", "good").withRole(DENIED_ROLE, "x"),
                    Mapping.kinesis(SOURCE, "gone", "missingStream"),
                    Mapping.kinesis(SOURCE, "young", "creating"),
                    new Mapping(
                            SOURCE, "sqs", "sqs", "q", false, true, null, null, null, null, false,
                            false, false, null, null, null, null, null, 0));

    private ControlInvocations control() {
        TargetChecker checker =
                new TargetChecker(
                        source -> rows,
                        new MappingValidator(Set.of("kinesis"), "us-west-2"),
                        factory,
                        executor);
        return new ControlInvocations(checker, json);
    }

    private JsonNode check(String request) throws Exception {
        return control()
                .handle(
                        json.readTree(request),
                        fanout.forward.Deadline.after(
                                java.time.Clock.systemUTC(), java.time.Duration.ofSeconds(30)));
    }

    @Test
    void everyMappingIsCheckedWhenNoIdsAreGiven() throws Exception {
        JsonNode answer = check("{\"action\":\"check\",\"sourceArn\":\"" + SOURCE + "\"}");

        assertThat(answer.get("action").asText()).isEqualTo("check");
        assertThat(answer.get("results")).hasSize(6);
        JsonNode ok = answer.get("results").get(0);
        assertThat(ok.toString())
                .isEqualTo(
                        "{\"id\":\"ok\",\"ok\":true,\"roleAssumed\":true,"
                                + "\"streamFound\":true,\"streamStatus\":\"ACTIVE\",\"code\":null,\"error\":null}");
    }

    @Test
    void failuresCarryTheirCodeAndMessage() throws Exception {
        JsonNode results =
                check(
                                "{\"action\":\"check\",\"sourceArn\":\""
                                        + SOURCE
                                        + "\",\"ids\":[\"denied\",\"gone\",\"young\",\"sqs\",\"nobody\",\"norole\"]}")
                        .get("results");

        JsonNode denied = results.get(0);
        assertThat(denied.get("ok").asBoolean()).isFalse();
        assertThat(denied.get("roleAssumed").asBoolean()).isFalse();
        assertThat(denied.get("code").asText()).isEqualTo("AccessDenied");
        assertThat(denied.get("error").asText()).contains("sts:AssumeRole");
        JsonNode gone = results.get(1);
        assertThat(gone.get("streamFound").asBoolean()).isFalse();
        assertThat(gone.get("code").asText()).isEqualTo("ResourceNotFound");
        assertThat(results.get(2).get("code").asText()).isEqualTo("StreamNotActive");
        assertThat(results.get(2).get("streamStatus").asText()).isEqualTo("CREATING");
        assertThat(results.get(3).get("code").asText()).isEqualTo("UnsupportedType");
        assertThat(results.get(4).get("code").asText()).isEqualTo("NotRegistered");
        assertThat(results.get(4).get("id").asText()).isEqualTo("nobody");
        assertThat(results.get(5).get("ok").asBoolean()).isTrue();
        assertThat(results.get(5).get("roleAssumed").isNull()).isTrue();
    }

    @Test
    void aRequestWithoutSourceOrWithAnUnknownActionIsAnsweredWithAnError() throws Exception {
        assertThat(check("{\"action\":\"check\"}").get("error").asText()).contains("sourceArn");
        assertThat(check("{\"action\":\"explode\",\"sourceArn\":\"x\"}").get("code").asText())
                .isEqualTo("BadRequest");
        assertThat(
                        check("{\"action\":\"check\",\"sourceArn\":\"x\",\"ids\":\"ab\"}")
                                .get("error")
                                .asText())
                .contains("ids");
    }

    @Test
    void candidatesAreCheckedAsGivenWithoutBeingInTheTable() throws Exception {
        JsonNode results =
                check(
                                "{\"action\":\"check\",\"sourceArn\":\""
                                        + SOURCE
                                        + "\",\"candidates\":[{\"id\":\"new1\",\"destination\":\"good\","
                                        + "\"role\":\"arn:aws:iam::210987654321:role/okWriter\","
                                        + "\"region\":\"us-west-2\"},{\"id\":\"new2\",\"destination\":\"good\","
                                        + "\"role\":\""
                                        + DENIED_ROLE
                                        + "\"}]}")
                        .get("results");

        assertThat(results).hasSize(2);
        assertThat(results.get(0).get("id").asText()).isEqualTo("new1");
        assertThat(results.get(0).get("ok").asBoolean()).isTrue();
        assertThat(results.get(1).get("roleAssumed").asBoolean()).isFalse();
        assertThat(results.get(1).get("code").asText()).isEqualTo("AccessDenied");
        assertThat(
                        check("{\"action\":\"check\",\"sourceArn\":\"x\",\"candidates\":[{}]}")
                                .get("error")
                                .asText())
                .contains("'id'");
    }
}
