package fanout.console.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsRequest;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsResponse;

/** A Lambda with one event source mapping and a scripted function that records its events. */
final class FakeLambda implements LambdaClient {
    static final String SOURCE = "arn:aws:kinesis:us-west-2:123456789012:stream/coreRetailStream";
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<JsonNode> events = new ArrayList<>();
    final List<String> rawEvents = new ArrayList<>();
    EventSourceMappingConfiguration mapping;

    /** Answers an event with a response payload, or null for a function error. */
    Function<JsonNode, String> function = event -> "{\"batchItemFailures\":[]}";

    FakeLambda(int batchSize) {
        mapping =
                EventSourceMappingConfiguration.builder()
                        .uuid("uuid-1")
                        .eventSourceArn(SOURCE)
                        .functionArn("arn:aws:lambda:us-west-2:123456789012:function:fanout")
                        .state("Enabled")
                        .startingPosition("TRIM_HORIZON")
                        .batchSize(batchSize)
                        .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)
                        .build();
    }

    void setState(String state) {
        mapping = mapping.toBuilder().state(state).build();
    }

    /** The sequence numbers of each invocation's records, in order. */
    List<List<String>> batches() {
        List<List<String>> batches = new ArrayList<>();
        for (JsonNode event : events) {
            List<String> batch = new ArrayList<>();
            event.path("Records")
                    .forEach(r -> batch.add(r.path("kinesis").path("sequenceNumber").asText()));
            batches.add(batch);
        }
        return batches;
    }

    @Override
    public ListEventSourceMappingsResponse listEventSourceMappings(
            ListEventSourceMappingsRequest request) {
        return ListEventSourceMappingsResponse.builder().eventSourceMappings(mapping).build();
    }

    @Override
    public GetFunctionConfigurationResponse getFunctionConfiguration(
            GetFunctionConfigurationRequest request) {
        return GetFunctionConfigurationResponse.builder()
                .role("arn:aws:iam::123456789012:role/fanoutRole")
                .build();
    }

    @Override
    public InvokeResponse invoke(InvokeRequest request) {
        JsonNode event;
        try {
            event = JSON.readTree(request.payload().asByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.add(event);
        rawEvents.add(request.payload().asUtf8String());
        String answer = function.apply(event);
        if (answer == null) {
            return InvokeResponse.builder()
                    .statusCode(200)
                    .functionError("Unhandled")
                    .payload(SdkBytes.fromUtf8String("{\"errorMessage\":\"boom\"}"))
                    .build();
        }
        return InvokeResponse.builder()
                .statusCode(200)
                .payload(SdkBytes.fromUtf8String(answer))
                .build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {}
}
