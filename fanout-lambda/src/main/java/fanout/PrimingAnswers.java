package fanout;

import fanout.forward.MadeUpAnswers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every service {@link InvokePriming}'s handler calls, answered in memory as AWS answers a call
 * that succeeds: the targets table's Query with the priming class's mappings, every other DynamoDB
 * call with nothing in it, STS's AssumeRole with made-up credentials (an hour left), Kinesis's
 * PutRecords with every entry accepted, CloudWatch's PutMetricData. Counts what it answered, by
 * operation, for the tests. Never touches the network.
 */
final class PrimingAnswers implements SdkHttpClient {
    private static final String DYNAMO = "DynamoDB_20120810.";
    private static final String PUT_RECORDS = "Kinesis_20131202.PutRecords";
    private static final byte[] EMPTY_JSON = "{}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] METRICS =
            ("<PutMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">"
                            + "<ResponseMetadata><RequestId>priming</RequestId>"
                            + "</ResponseMetadata></PutMetricDataResponse>")
                    .getBytes(StandardCharsets.UTF_8);
    private static final byte[] PARTITION_KEY = "\"PartitionKey\"".getBytes(StandardCharsets.UTF_8);

    private final byte[] quotedTable;
    private final String sourceArn;
    private final byte[] mappings;
    private final Map<String, LongAdder> answered = new ConcurrentHashMap<>();
    private final LongAdder records = new LongAdder();

    PrimingAnswers(String targetsTable, String region) {
        this.quotedTable = ("\"" + targetsTable + "\"").getBytes(StandardCharsets.UTF_8);
        this.sourceArn = InvokePriming.sourceArn(region);
        this.mappings = queryAnswer(InvokePriming.mappings(sourceArn, region));
    }

    String sourceArn() {
        return sourceArn;
    }

    /**
     * How many calls of {@code operation} (e.g. {@code Query}, {@code AssumeRole}) were answered.
     */
    long answered(String operation) {
        LongAdder count = answered.get(operation);
        return count == null ? 0 : count.sum();
    }

    /** The PutRecords entries answered, over every call. */
    long records() {
        return records.sum();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        byte[] body = body(request);
        String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
        String operation;
        String contentType;
        byte[] answer;
        if (target.startsWith(DYNAMO)) {
            operation = target.substring(DYNAMO.length());
            contentType = "application/x-amz-json-1.0";
            answer =
                    operation.equals("Query") && occurrences(body, quotedTable) > 0
                            ? mappings
                            : EMPTY_JSON;
        } else if (target.equals(PUT_RECORDS)) {
            operation = "PutRecords";
            contentType = "application/x-amz-json-1.1";
            int entries = occurrences(body, PARTITION_KEY);
            records.add(entries);
            answer = MadeUpAnswers.putRecords(entries);
        } else if (assumeRole(body)) {
            operation = "AssumeRole";
            contentType = "text/xml";
            // An hour left: no priming round renews the sessions.
            answer = MadeUpAnswers.assumeRole(Instant.now().plusSeconds(3600));
        } else {
            operation = "PutMetricData";
            contentType = "text/xml";
            answer = METRICS;
        }
        answered.computeIfAbsent(operation, o -> new LongAdder()).increment();
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return HttpExecuteResponse.builder()
                        .response(
                                SdkHttpResponse.builder()
                                        .statusCode(200)
                                        .putHeader("Content-Type", contentType)
                                        .putHeader(
                                                "Content-Length", Integer.toString(answer.length))
                                        .putHeader("x-amzn-RequestId", "priming")
                                        .build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer)))
                        .build();
            }

            @Override
            public void abort() {}
        };
    }

    @Override
    public String clientName() {
        return "fanout-invoke-priming";
    }

    @Override
    public void close() {}

    private static byte[] body(HttpExecuteRequest request) {
        return request.contentStreamProvider()
                .map(
                        provider -> {
                            try (InputStream in = provider.newStream()) {
                                return in.readAllBytes();
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        })
                .orElse(new byte[0]);
    }

    /** STS's query protocol: a form whose action is AssumeRole. */
    private static boolean assumeRole(byte[] body) {
        String form = new String(body, StandardCharsets.US_ASCII);
        return form.startsWith("Action=AssumeRole") || form.contains("&Action=AssumeRole");
    }

    private static int occurrences(byte[] body, byte[] token) {
        int count = 0;
        outer:
        for (int i = 0; i <= body.length - token.length; i++) {
            for (int j = 0; j < token.length; j++) {
                if (body[i + j] != token[j]) {
                    continue outer;
                }
            }
            count++;
        }
        return count;
    }

    /** DynamoDB's JSON for a Query page holding {@code items} (strings, numbers, booleans). */
    private static byte[] queryAnswer(List<Map<String, AttributeValue>> items) {
        StringBuilder json = new StringBuilder("{\"Count\":").append(items.size());
        json.append(",\"ScannedCount\":").append(items.size()).append(",\"Items\":[");
        for (int i = 0; i < items.size(); i++) {
            json.append(i == 0 ? "{" : ",{");
            boolean first = true;
            for (Map.Entry<String, AttributeValue> attribute : items.get(i).entrySet()) {
                json.append(first ? "" : ",").append(quoted(attribute.getKey())).append(':');
                AttributeValue value = attribute.getValue();
                if (value.s() != null) {
                    json.append("{\"S\":").append(quoted(value.s())).append('}');
                } else if (value.n() != null) {
                    json.append("{\"N\":").append(quoted(value.n())).append('}');
                } else if (value.bool() != null) {
                    json.append("{\"BOOL\":").append(value.bool()).append('}');
                } else {
                    json.append("{\"NULL\":true}");
                }
                first = false;
            }
            json.append('}');
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Our own values only (ARNs, ids, numbers): no character needs escaping but these two. */
    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
