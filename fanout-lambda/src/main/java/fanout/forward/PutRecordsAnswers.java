package fanout.forward;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import fanout.record.PreparedRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.kinesis.model.AccessDeniedException;
import software.amazon.awssdk.services.kinesis.model.InternalFailureException;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.KmsAccessDeniedException;
import software.amazon.awssdk.services.kinesis.model.KmsDisabledException;
import software.amazon.awssdk.services.kinesis.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kinesis.model.KmsNotFoundException;
import software.amazon.awssdk.services.kinesis.model.KmsOptInRequiredException;
import software.amazon.awssdk.services.kinesis.model.KmsThrottlingException;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ValidationException;

/**
 * Kinesis's JSON 1.1 answers to PutRecords, read as the SDK reads them: the per-entry results of a
 * 200 (streamed, only the error fields kept), and a refused call as the SDK's own exception (the
 * modeled type for the codes PutRecords can answer, {@link KinesisException} otherwise) with the
 * same code, message and status, so {@link AwsFailures} classifies both paths alike.
 */
final class PutRecordsAnswers {
    /** The caller drains and closes the answer: its connection goes back to the pool. */
    private static final JsonFactory JSON =
            JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

    private static final String SERVICE = "Kinesis";

    /** Kinesis's modeled errors, by the code the service answers. */
    private static final Map<String, Supplier<AwsServiceException.Builder>> MODELED =
            Map.ofEntries(
                    Map.entry("ResourceNotFoundException", ResourceNotFoundException::builder),
                    Map.entry("InvalidArgumentException", InvalidArgumentException::builder),
                    Map.entry("ValidationException", ValidationException::builder),
                    Map.entry("AccessDeniedException", AccessDeniedException::builder),
                    Map.entry("ResourceInUseException", ResourceInUseException::builder),
                    Map.entry("LimitExceededException", LimitExceededException::builder),
                    Map.entry("InternalFailureException", InternalFailureException::builder),
                    Map.entry(
                            "ProvisionedThroughputExceededException",
                            ProvisionedThroughputExceededException::builder),
                    Map.entry("KMSDisabledException", KmsDisabledException::builder),
                    Map.entry("KMSInvalidStateException", KmsInvalidStateException::builder),
                    Map.entry("KMSAccessDeniedException", KmsAccessDeniedException::builder),
                    Map.entry("KMSNotFoundException", KmsNotFoundException::builder),
                    Map.entry("KMSOptInRequired", KmsOptInRequiredException::builder),
                    Map.entry("KMSThrottlingException", KmsThrottlingException::builder));

    private PutRecordsAnswers() {}

    /** The per-entry outcomes of a 200, one per entry sent. */
    static List<EntryOutcome> outcomes(InputStream body, List<PreparedRecord> sent) {
        List<EntryOutcome> outcomes = new ArrayList<>(sent.size());
        try (JsonParser json = JSON.createParser(body)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                if ("Records".equals(json.currentName())) {
                    expect(json.nextToken(), JsonToken.START_ARRAY);
                    while (json.nextToken() == JsonToken.START_OBJECT) {
                        outcomes.add(entry(json));
                    }
                } else {
                    json.nextToken();
                    json.skipChildren();
                }
            }
        } catch (IOException e) {
            throw SdkClientException.create("Unable to unmarshall response: " + e.getMessage(), e);
        }
        PutRecordsCall.requireOnePerEntry(outcomes.size(), sent.size());
        return outcomes;
    }

    private static EntryOutcome entry(JsonParser json) throws IOException {
        String code = null;
        String message = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if ("ErrorCode".equals(field) && value == JsonToken.VALUE_STRING) {
                code = json.getText();
            } else if ("ErrorMessage".equals(field) && value == JsonToken.VALUE_STRING) {
                message = json.getText();
            } else {
                json.skipChildren();
            }
        }
        return PutRecordsCall.outcome(code, message);
    }

    /**
     * A refused call: the code from {@code X-Amzn-ErrorType} or the body's {@code __type} (the part
     * after {@code #}), the message from {@code message}/{@code Message}, as the SDK's JSON error
     * unmarshaller reads them. A body that is not JSON (a proxy's page) leaves no code.
     */
    static AwsServiceException failure(SdkHttpResponse response, byte[] body) {
        String code =
                response.firstMatchingHeader("X-Amzn-ErrorType")
                        .map(h -> h.split(":")[0])
                        .orElse(null);
        String message = null;
        try (JsonParser json = JSON.createParser(body)) {
            if (json.nextToken() == JsonToken.START_OBJECT) {
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String field = json.currentName();
                    JsonToken value = json.nextToken();
                    if (value != JsonToken.VALUE_STRING) {
                        json.skipChildren();
                    } else if ("__type".equals(field) && code == null) {
                        String type = json.getText();
                        code = type.substring(type.lastIndexOf('#') + 1);
                    } else if ("message".equalsIgnoreCase(field)) {
                        message = json.getText();
                    }
                }
            }
        } catch (IOException e) {
            // Not JSON: the status alone says what happened, as it does for the SDK.
        }
        AwsServiceException.Builder error =
                code == null || !MODELED.containsKey(code)
                        ? KinesisException.builder()
                        : MODELED.get(code).get();
        return error.awsErrorDetails(
                        AwsErrorDetails.builder()
                                .errorCode(code)
                                .errorMessage(message)
                                .serviceName(SERVICE)
                                .sdkHttpResponse(response)
                                .build())
                .statusCode(response.statusCode())
                .requestId(response.firstMatchingHeader("x-amzn-RequestId").orElse(null))
                .extendedRequestId(response.firstMatchingHeader("x-amz-id-2").orElse(null))
                .message(
                        message != null
                                ? message
                                : "Service returned HTTP status code " + response.statusCode())
                .numAttempts(1)
                .build();
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException(
                    "expected " + expected + " in a PutRecords answer, was " + actual);
        }
    }
}
