package fanout.console.sandbox;

import fanout.mapping.Arn;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsResponse;

/**
 * Does what Lambda's event source mappings do, for the sandbox: reads the mappings from the Lambda
 * client (so hook, unhook, pause, resume and the starting position act on it), polls every shard of
 * each enabled mapping's source, and invokes the function through the Lambda client with real
 * Kinesis events, one batch per shard at a time.
 */
public final class EventSourceMappingEmulator implements AutoCloseable {
    static final Duration MAPPINGS_EVERY = Duration.ofSeconds(1);
    static final Duration SHARDS_EVERY = Duration.ofMillis(250);
    static final Duration METRICS_EVERY = Duration.ofSeconds(5);

    private final Polling polling;
    private final Map<String, Map<String, ShardPoller>> pollers = new HashMap<>();
    private final Map<ShardPoller, ScheduledFuture<?>> running = new HashMap<>();
    private ScheduledExecutorService scheduler;
    private final List<ScheduledFuture<?>> loops = new ArrayList<>();
    private String lastProblem;

    /**
     * @param source Kinesis as the leader's account sees it (the mappings' sources live there)
     */
    public EventSourceMappingEmulator(
            LambdaClient lambda,
            KinesisClient source,
            CloudWatchClient cloudWatch,
            Clock clock,
            Consumer<String> log) {
        this.polling =
                new Polling(source, lambda, new LambdaMetrics(cloudWatch, clock), clock, log);
    }

    /** Starts polling on {@code scheduler}'s threads; {@link #close()} stops it. */
    public synchronized void start(ScheduledExecutorService scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        loops.add(every(MAPPINGS_EVERY, this::refresh));
        loops.add(every(METRICS_EVERY, this::flushMetrics));
    }

    /** Reads the mappings and starts, updates or stops shard pollers to match. */
    public synchronized void refresh() {
        List<EventSourceMappingConfiguration> mappings;
        try {
            mappings = listMappings();
        } catch (SdkException e) {
            report("listing event source mappings: " + e.getMessage());
            return;
        }
        lastProblem = null;
        Set<String> enabled = new HashSet<>();
        for (EventSourceMappingConfiguration mapping : mappings) {
            if (isEnabled(mapping)) {
                enabled.add(mapping.uuid());
                serve(mapping);
            }
        }
        for (Map.Entry<String, Map<String, ShardPoller>> entry : pollers.entrySet()) {
            if (!enabled.contains(entry.getKey())) {
                entry.getValue().values().forEach(this::stop);
            }
        }
        Set<String> known = new HashSet<>();
        mappings.forEach(m -> known.add(m.uuid()));
        pollers.keySet().retainAll(known);
    }

    /** Every active shard poller polls once, in turn (tests drive the emulator this way). */
    public void pollOnce() {
        List<ShardPoller> active;
        synchronized (this) {
            active = List.copyOf(running.keySet());
        }
        active.forEach(ShardPoller::poll);
    }

    public void flushMetrics() {
        try {
            polling.metrics().flush();
        } catch (SdkException e) {
            report("publishing AWS/Lambda metrics: " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        loops.forEach(loop -> loop.cancel(false));
        loops.clear();
        running.values().forEach(future -> future.cancel(false));
        running.clear();
        flushMetrics();
    }

    private void serve(EventSourceMappingConfiguration mapping) {
        Map<String, ShardPoller> shards = pollers.get(mapping.uuid());
        if (shards == null) {
            shards = openShards(mapping);
            if (shards == null) {
                return;
            }
            pollers.put(mapping.uuid(), shards);
        }
        for (ShardPoller poller : shards.values()) {
            poller.update(mapping);
            if (!running.containsKey(poller)) {
                running.put(poller, scheduler == null ? null : every(SHARDS_EVERY, poller::poll));
            }
        }
    }

    private Map<String, ShardPoller> openShards(EventSourceMappingConfiguration mapping) {
        List<Shard> shards = new ArrayList<>();
        try {
            String next = null;
            do {
                ListShardsRequest request =
                        next == null
                                ? ListShardsRequest.builder()
                                        .streamARN(mapping.eventSourceArn())
                                        .build()
                                : ListShardsRequest.builder().nextToken(next).build();
                ListShardsResponse page = polling.source().listShards(request);
                shards.addAll(page.shards());
                next = page.nextToken();
            } while (next != null);
        } catch (SdkException e) {
            report("listing the shards of " + mapping.eventSourceArn() + ": " + e.getMessage());
            return null;
        }
        String identity = invokeIdentity(mapping);
        Map<String, ShardPoller> result = new HashMap<>();
        for (Shard shard : shards) {
            result.put(
                    shard.shardId(), new ShardPoller(mapping, shard.shardId(), identity, polling));
        }
        polling.log()
                .accept(
                        "event source mapping "
                                + mapping.uuid()
                                + ": polling "
                                + shards.size()
                                + " shard(s) of "
                                + mapping.eventSourceArn()
                                + " from "
                                + mapping.startingPositionAsString());
        return result;
    }

    /** The function's role, which Lambda names as the event's invokeIdentityArn. */
    private String invokeIdentity(EventSourceMappingConfiguration mapping) {
        try {
            return polling.lambda()
                    .getFunctionConfiguration(
                            request ->
                                    request.functionName(Arn.functionName(mapping.functionArn())))
                    .role();
        } catch (SdkException | UnsupportedOperationException e) {
            return null;
        }
    }

    private void stop(ShardPoller poller) {
        ScheduledFuture<?> future = running.remove(poller);
        if (future != null) {
            future.cancel(false);
        }
    }

    private List<EventSourceMappingConfiguration> listMappings() {
        List<EventSourceMappingConfiguration> all = new ArrayList<>();
        String marker = null;
        do {
            String page = marker;
            ListEventSourceMappingsResponse response =
                    polling.lambda().listEventSourceMappings(request -> request.marker(page));
            all.addAll(response.eventSourceMappings());
            marker = response.nextMarker();
        } while (marker != null);
        return all;
    }

    /** Lambda polls only a settled, enabled mapping (Creating may still end up Disabled). */
    private static boolean isEnabled(EventSourceMappingConfiguration mapping) {
        String state = mapping.state();
        return state == null || state.equals("Enabled") || state.equals("Updating");
    }

    private ScheduledFuture<?> every(Duration period, Runnable task) {
        Runnable guarded =
                () -> {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        // A failed round must not end the schedule: report it and poll again.
                        report("sandbox poller: " + e);
                    }
                };
        return scheduler.scheduleWithFixedDelay(
                guarded, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void report(String problem) {
        if (!problem.equals(lastProblem)) {
            polling.log().accept(problem);
            lastProblem = problem;
        }
    }
}
