package fanout.forward;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * An in-process {@link SdkHttpClient} that answers Kinesis PutRecords (JSON or CBOR, as the client
 * asks), STS AssumeRole and CloudWatch PutMetricData like AWS does, without a network: the real SDK
 * clients run their whole pipeline (marshalling, signing, credentials, unmarshalling) against it.
 * Roles listed as denied get STS's AccessDenied.
 */
public final class StubAwsHttpClient implements SdkHttpClient {
    private static final String CBOR = "application/x-amz-cbor-1.1";

    private final Set<String> deniedRoles = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final IntSupplier entriesPerCall;
    private volatile long latencyMillis;
    private final Map<Integer, byte[]> cborAnswers = new ConcurrentHashMap<>();
    private final Map<Integer, byte[]> jsonAnswers = new ConcurrentHashMap<>();
    private final Set<String> signers = ConcurrentHashMap.newKeySet();

    /**
     * @param entriesPerCall answers this many successful entries when positive (the benchmark's
     *     fixed batch, so the stub costs no parsing); counts the request's entries when 0
     */
    public StubAwsHttpClient(int entriesPerCall) {
        this.entriesPerCall = () -> entriesPerCall;
    }

    /** Every PutRecords answer waits this long first, like a network round trip. */
    public StubAwsHttpClient latency(java.time.Duration roundTrip) {
        this.latencyMillis = roundTrip.toMillis();
        return this;
    }

    public StubAwsHttpClient deny(String roleArn) {
        deniedRoles.add(roleArn);
        return this;
    }

    /** Calls answered so far, by operation ({@code PutRecords}, {@code AssumeRole}, ...). */
    public long calls(String operation) {
        AtomicLong count = calls.get(operation);
        return count == null ? 0 : count.get();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() {
                return answer(
                        request.httpRequest(),
                        request.contentStreamProvider().map(p -> p.newStream()));
            }

            @Override
            public void abort() {}
        };
    }

    private HttpExecuteResponse answer(SdkHttpRequest http, Optional<InputStream> body) {
        Optional<String> target = http.firstMatchingHeader("X-Amz-Target");
        if (target.isPresent() && target.get().endsWith(".PutRecords")) {
            count("PutRecords");
            pause();
            http.firstMatchingHeader("Authorization").ifPresent(this::signedBy);
            boolean cbor = http.firstMatchingHeader("Content-Type").orElse("").startsWith(CBOR);
            int entries = entriesPerCall.getAsInt();
            if (entries <= 0) {
                entries = countEntries(read(body), cbor);
            }
            // Answers are built once per size: the stub's own CPU must not blur the figures.
            return cbor
                    ? respond(200, CBOR, cborAnswers.computeIfAbsent(entries, StubCbor::putRecords))
                    : respond(
                            200,
                            "application/x-amz-json-1.1",
                            jsonAnswers.computeIfAbsent(
                                    entries, StubAwsHttpClient::putRecordsJson));
        }
        byte[] raw = read(body);
        if (http.firstMatchingHeader("Content-Encoding").orElse("").contains("gzip")) {
            raw = gunzip(raw); // PutMetricData compresses bodies over 10 KB
        }
        String form = new String(raw, StandardCharsets.UTF_8);
        if (form.contains("Action=AssumeRole")) {
            count("AssumeRole");
            return assumeRole(form);
        }
        if (form.contains("Action=PutMetricData")) {
            count("PutMetricData");
            return respond(
                    200,
                    "text/xml",
                    ("<PutMetricDataResponse><ResponseMetadata><RequestId>1</RequestId>"
                                    + "</ResponseMetadata></PutMetricDataResponse>")
                            .getBytes(StandardCharsets.UTF_8));
        }
        count("Unknown");
        return respond(
                400,
                "application/x-amz-json-1.1",
                "{\"__type\":\"UnknownOperationException\"}".getBytes(StandardCharsets.UTF_8));
    }

    private HttpExecuteResponse assumeRole(String form) {
        String role = java.net.URLDecoder.decode(param(form, "RoleArn"), StandardCharsets.UTF_8);
        if (deniedRoles.contains(role)) {
            return respond(
                    403,
                    "text/xml",
                    ("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error>"
                                    + "<Type>Sender</Type><Code>AccessDenied</Code><Message>not"
                                    + " authorized to perform: sts:AssumeRole on resource: "
                                    + role
                                    + "</Message></Error><RequestId>1</RequestId></ErrorResponse>")
                            .getBytes(StandardCharsets.UTF_8));
        }
        String expiration =
                Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        String xml =
                "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                        + "<AssumeRoleResult><Credentials><AccessKeyId>ASIASTUB</AccessKeyId>"
                        + "<SecretAccessKey>stub-secret</SecretAccessKey>"
                        + "<SessionToken>stub-token</SessionToken><Expiration>"
                        + expiration
                        + "</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROASTUB:s"
                        + "</AssumedRoleId><Arn>"
                        + role
                        + "</Arn></AssumedRoleUser></AssumeRoleResult><ResponseMetadata>"
                        + "<RequestId>1</RequestId></ResponseMetadata></AssumeRoleResponse>";
        return respond(200, "text/xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String param(String form, String name) {
        for (String pair : form.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return "";
    }

    private static byte[] putRecordsJson(int entries) {
        StringBuilder json = new StringBuilder("{\"FailedRecordCount\":0,\"Records\":[");
        for (int i = 0; i < entries; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"SequenceNumber\":\"")
                    .append(49_000_000 + i)
                    .append("\",\"ShardId\":\"shardId-000000000000\"}");
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Each entry has exactly one partition key, in JSON and in CBOR alike. */
    private static int countEntries(byte[] body, boolean cbor) {
        byte[] key = "PartitionKey".getBytes(StandardCharsets.US_ASCII);
        int count = 0;
        outer:
        for (int i = 0; i + key.length <= body.length; i++) {
            for (int j = 0; j < key.length; j++) {
                if (body[i + j] != key[j]) {
                    continue outer;
                }
            }
            count++;
        }
        return count;
    }

    /** The access key ids that signed PutRecords calls. */
    public Set<String> signers() {
        return Set.copyOf(signers);
    }

    private void signedBy(String authorization) {
        int start = authorization.indexOf("Credential=");
        if (start >= 0) {
            int end = authorization.indexOf('/', start);
            signers.add(authorization.substring(start + "Credential=".length(), end));
        }
    }

    private void pause() {
        if (latencyMillis > 0) {
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void count(String operation) {
        calls.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
    }

    private static byte[] read(Optional<InputStream> body) {
        if (body.isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = body.get()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gunzip(byte[] gzipped) {
        try (InputStream in =
                new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpExecuteResponse respond(int status, String contentType, byte[] body) {
        SdkHttpFullResponse response =
                SdkHttpFullResponse.builder()
                        .statusCode(status)
                        .putHeader("Content-Type", contentType)
                        .putHeader("Content-Length", String.valueOf(body.length))
                        .putHeader("x-amzn-RequestId", "stub")
                        .build();
        return HttpExecuteResponse.builder()
                .response(response)
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                .build();
    }

    @Override
    public String clientName() {
        return "stub";
    }

    @Override
    public void close() {}

    static List<String> operations() {
        return List.of("PutRecords", "AssumeRole", "PutMetricData");
    }
}
