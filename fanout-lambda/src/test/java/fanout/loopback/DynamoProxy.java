package fanout.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * DynamoDB JSON 1.0 ({@code DynamoDB_20120810.*}) passed through to dynalite, so the tables behave
 * as the real thing; the sink only fails the calls on a table it was told to fail.
 */
final class DynamoProxy {
    static final String PREFIX = "DynamoDB_20120810.";

    private final ObjectMapper json = new ObjectMapper();
    private final URI dynalite;
    private final SinkFaults faults;
    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    DynamoProxy(URI dynalite, SinkFaults faults) {
        this.dynalite = dynalite;
        this.faults = faults;
    }

    WireResponse handle(WireRequest request, Map<String, String> headers) throws IOException {
        JsonNode body = json.readTree(request.body());
        if (fails(body)) {
            return WireResponse.jsonError(
                    500,
                    WireResponse.JSON_10,
                    "com.amazonaws.dynamodb.v20120810#InternalServerError",
                    "Internal server error");
        }
        HttpRequest.Builder forward =
                HttpRequest.newBuilder(dynalite)
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        headers.forEach(forward::header);
        try {
            HttpResponse<byte[]> answer =
                    http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            String crc = answer.headers().firstValue("x-amz-crc32").orElse(null);
            WireResponse response =
                    new WireResponse(
                            answer.statusCode(),
                            answer.headers()
                                    .firstValue("Content-Type")
                                    .orElse(WireResponse.JSON_10),
                            answer.body(),
                            Duration.ZERO,
                            crc == null ? Map.of() : Map.of("x-amz-crc32", crc));
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while dynalite answered", e);
        }
    }

    private boolean fails(JsonNode body) {
        if (faults.tableFails(body.path("TableName").asText(""))) {
            return true;
        }
        var tables = body.path("RequestItems").fieldNames();
        while (tables.hasNext()) {
            if (faults.tableFails(tables.next())) {
                return true;
            }
        }
        return false;
    }
}
