package fanout.bench;

import fanout.FanoutHandler;
import fanout.ForwarderConfig;
import fanout.ForwarderServices;
import fanout.forward.KinesisClientFactory;
import fanout.mapping.Mapping;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * The real handler with real SDK clients behind a {@link KinesisClientFactory} under test: N
 * students, each stream {@code s###Stream} in its own account behind its own role, hello-retail
 * transform, {@code parallel=false}. Mappings come from a DynamoDB fake (read once per TTL, so its
 * cost is not per batch); CloudWatch is whatever client is passed (the real one on the stub).
 */
final class SdkRig implements AutoCloseable {
    private final FanoutHandler handler;

    SdkRig(
            int students,
            KinesisClientFactory kinesis,
            CloudWatchClient cloudWatch,
            Map<String, String> moreEnvironment) {
        List<Mapping> mappings = new ArrayList<>();
        for (int i = 0; i < students; i++) {
            mappings.add(
                    Mapping.kinesis(
                                    BenchEvents.SOURCE,
                                    String.format("s%03d", i),
                                    HandlerRig.stream(i))
                            .withActive(true)
                            .withParallel(false)
                            .withRole(roleArn(i), null));
        }
        Map<String, String> env = new java.util.HashMap<>(moreEnvironment);
        env.put(ForwarderConfig.REGION, "us-west-2");
        env.put(ForwarderConfig.TRANSFORM, "hello-retail");
        env.put(ForwarderConfig.DEFAULT_BUDGET, "60");
        this.handler =
                new FanoutHandler(
                        env,
                        new ForwarderServices(
                                new BenchServices.MappingsOnlyDynamo("fanoutTargets", mappings),
                                cloudWatch,
                                kinesis,
                                Clock.systemUTC()));
    }

    static String roleArn(int student) {
        return String.format("arn:aws:iam::21%010d:role/s%03dStreamWriter", student, student);
    }

    /** One invocation; fails the benchmark when the handler hands anything back. */
    void invoke(byte[] event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String response = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        if (!response.equals("{\"batchItemFailures\":[]}")) {
            throw new IllegalStateException("the handler answered " + response);
        }
    }

    @Override
    public void close() {
        handler.close();
    }
}
