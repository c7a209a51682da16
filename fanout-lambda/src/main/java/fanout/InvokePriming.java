package fanout;

import fanout.forward.PutRecordsPath;
import fanout.forward.StsKinesisClientFactory;
import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Before a SnapStart snapshot only: whole invocations of a second handler, composed as the real one
 * is but over {@link PrimingAnswers} (every service answered in memory, made-up credentials), so
 * the snapshot holds the event parsing, the forwarding engine, the direct path, the state and the
 * metrics code run and compiled, where {@link ColdStart}'s steps only load classes. Nothing is
 * shared with the real handler but the timer threads: its own clients, destination threads and
 * caches, all closed before the snapshot. Only on the direct path: the SDK's Kinesis client speaks
 * CBOR, which the answers do not.
 */
final class InvokePriming {
    /** The destinations of one invocation: as many as the handler serves at once by default. */
    static final int DESTINATIONS = ForwarderConfig.DEFAULT_CONCURRENCY;

    static final int RECORDS = 100;

    /** Enough rounds for the per-record and per-destination loops to be compiled by C1. */
    static final int MAX_ROUNDS = 40;

    private static final String ACCOUNT = "000000000000";

    private InvokePriming() {}

    /**
     * Runs invocations until {@link #MAX_ROUNDS} or {@code budget}, whichever comes first.
     *
     * @return the invocations run (0 on the SDK path)
     */
    static int run(
            ForwarderConfig config,
            ScheduledExecutorService timers,
            Clock clock,
            Duration budget,
            PrimingAnswers answers) {
        if (config.putRecordsPath() != PutRecordsPath.DIRECT) {
            return 0;
        }
        Region region = Region.of(config.region());
        long deadline = System.nanoTime() + budget.toNanos();
        int rounds = 0;
        StsKinesisClientFactory destinations =
                new StsKinesisClientFactory(
                        answers,
                        ColdStart.MADE_UP,
                        config.region(),
                        timers,
                        clock,
                        PutRecordsPath.DIRECT);
        try (DynamoDbClient dynamo =
                        AwsServices.dynamo(answers, ColdStart.MADE_UP, region, timers);
                CloudWatchClient cloudWatch =
                        AwsServices.cloudWatch(answers, ColdStart.MADE_UP, region, timers);
                FanoutHandler handler =
                        new FanoutHandler(
                                config,
                                new ForwarderServices(dynamo, cloudWatch, destinations, clock))) {
            byte[] event = event(answers.sourceArn(), config.region());
            while (rounds < MAX_ROUNDS && System.nanoTime() < deadline) {
                handler.handleRequest(
                        new ByteArrayInputStream(event), OutputStream.nullOutputStream(), null);
                rounds++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a priming invocation failed", e);
        } finally {
            destinations.close();
        }
        return rounds;
    }

    /** The mappings the answers hold: {@link #DESTINATIONS} students, each behind a role. */
    static List<Map<String, AttributeValue>> mappings(String sourceArn, String region) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < DESTINATIONS; i++) {
            String id = "p" + i;
            items.add(
                    MappingCodec.toItem(
                            Mapping.builder(sourceArn, id)
                                    .type(Mapping.TYPE_KINESIS)
                                    .destination(
                                            "arn:aws:kinesis:"
                                                    + region
                                                    + ":"
                                                    + ACCOUNT
                                                    + ":stream/"
                                                    + id)
                                    .role("arn:aws:iam::" + ACCOUNT + ":role/" + id)
                                    .active(true)
                                    .build()));
        }
        return items;
    }

    static String sourceArn(String region) {
        return "arn:aws:kinesis:" + region + ":" + ACCOUNT + ":stream/fanout-priming";
    }

    /** A Kinesis event of {@link #RECORDS} JSON objects, as the event source mapping sends it. */
    private static byte[] event(String sourceArn, String region) {
        StringBuilder json = new StringBuilder("{\"Records\":[");
        Base64.Encoder base64 = Base64.getEncoder();
        for (int i = 0; i < RECORDS; i++) {
            String data =
                    "{\"schema\":\"com.nordstrom/retail-stream-ingress/1-0-0\","
                            + "\"origin\":\"fanout-priming\",\"data\":{\"id\":\""
                            + i
                            + "\"}}";
            String sequence = Long.toString(49_000_000_000L + i);
            json.append(i == 0 ? "" : ",")
                    .append("{\"kinesis\":{\"kinesisSchemaVersion\":\"1.0\",\"partitionKey\":\"k")
                    .append(i % 10)
                    .append("\",\"sequenceNumber\":\"")
                    .append(sequence)
                    .append("\",\"data\":\"")
                    .append(base64.encodeToString(data.getBytes(StandardCharsets.UTF_8)))
                    .append("\",\"approximateArrivalTimestamp\":1.7E9},")
                    .append("\"eventSource\":\"aws:kinesis\",\"eventVersion\":\"1.0\",")
                    .append("\"eventID\":\"shardId-000000000000:")
                    .append(sequence)
                    .append("\",\"eventName\":\"aws:kinesis:record\",\"awsRegion\":\"")
                    .append(region)
                    .append("\",\"eventSourceARN\":\"")
                    .append(sourceArn)
                    .append("\"}");
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
