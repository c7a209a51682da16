package fanout.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fanout.FanoutHandler;
import fanout.ForwarderConfig;
import fanout.ForwarderServices;
import fanout.mapping.Mapping;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real {@link FanoutHandler} wired to the benchmark's fakes: a class of destinations (stream
 * {@code <id>Stream}, hello-retail transform, {@code parallel=false} as in the workshop), invoked
 * with a real-shape Kinesis event.
 */
final class HandlerRig implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BenchKinesis kinesis;
    private final List<String> streams;
    private final FanoutHandler handler;

    /**
     * @param budgetSeconds the invocation's time budget (no Lambda context is passed)
     */
    HandlerRig(BenchKinesis kinesis, int destinations, int concurrency, int budgetSeconds) {
        this.kinesis = kinesis;
        List<Mapping> mappings = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < destinations; i++) {
            String id = String.format("s%03d", i);
            names.add(stream(i));
            mappings.add(
                    Mapping.kinesis(BenchEvents.SOURCE, id, stream(i))
                            .withActive(true)
                            .withParallel(false));
        }
        this.streams = List.copyOf(names);
        Map<String, String> env =
                Map.of(
                        ForwarderConfig.REGION,
                        "us-west-2",
                        ForwarderConfig.TRANSFORM,
                        "hello-retail",
                        ForwarderConfig.MAX_CONCURRENCY,
                        Integer.toString(concurrency),
                        ForwarderConfig.DEFAULT_BUDGET,
                        Integer.toString(budgetSeconds));
        this.handler =
                new FanoutHandler(
                        env,
                        new ForwarderServices(
                                new BenchServices.MappingsOnlyDynamo("fanoutTargets", mappings),
                                new BenchServices.SilentCloudWatch(),
                                new BenchServices.OneClientFactory(kinesis),
                                Clock.systemUTC()));
    }

    /** The stream of destination {@code i}, as the mappings name it. */
    static String stream(int i) {
        return String.format("s%03dStream", i);
    }

    List<String> streams() {
        return streams;
    }

    /** One invocation; answers when it started ({@link System#nanoTime()}) and the response. */
    Invocation invoke(byte[] event) {
        kinesis.reset();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long start = System.nanoTime();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, null);
            long end = System.nanoTime();
            return new Invocation(start, end, JSON.readTree(out.toByteArray()));
        } catch (IOException e) {
            throw new IllegalStateException("the handler failed: " + e.getMessage(), e);
        }
    }

    /** Fails the benchmark if a destination did not receive the whole batch. */
    void requireDelivered(List<String> which, int records) {
        for (String stream : which) {
            if (kinesis.accepted(stream) != records) {
                throw new IllegalStateException(
                        stream + " received " + kinesis.accepted(stream) + " of " + records);
            }
        }
    }

    /** When the last of these streams got its last accepted call answered, after {@code start}. */
    long lastDeliveryNanos(List<String> which, long start) {
        long last = start;
        for (String stream : which) {
            last = Math.max(last, kinesis.lastAcceptedAt(stream));
        }
        return last - start;
    }

    record Invocation(long start, long end, JsonNode response) {
        long nanos() {
            return end - start;
        }

        int handedBack() {
            return response.path("batchItemFailures").size();
        }
    }

    @Override
    public void close() {
        handler.close();
    }
}
