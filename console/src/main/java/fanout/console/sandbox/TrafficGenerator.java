package fanout.console.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

/**
 * Writes hello-retail-like events to the source stream at a steady rate: each tick sends what the
 * rate owes since the start (so a slow tick catches up instead of drifting).
 */
public final class TrafficGenerator implements AutoCloseable {
    static final Duration TICK = Duration.ofMillis(200);
    private static final int MAX_PUT_RECORDS = 500;

    private final KinesisClient kinesis;
    private final String sourceArn;
    private final double ratePerSecond;
    private final RetailEvents events;
    private final Clock clock;
    private final Consumer<String> log;
    private Instant started;
    private long sent;
    private ScheduledFuture<?> loop;
    private String lastProblem;

    public TrafficGenerator(
            KinesisClient kinesis,
            String sourceArn,
            double ratePerSecond,
            Random random,
            Clock clock,
            Consumer<String> log) {
        if (!(ratePerSecond >= 0)) {
            throw new IllegalArgumentException("--rate must be 0 or more records per second");
        }
        this.kinesis = Objects.requireNonNull(kinesis, "kinesis");
        this.sourceArn = Objects.requireNonNull(sourceArn, "sourceArn");
        this.ratePerSecond = ratePerSecond;
        this.events = new RetailEvents(random);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
    }

    public synchronized void start(ScheduledExecutorService scheduler) {
        started = clock.instant();
        loop = scheduler.scheduleAtFixedRate(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends the records owed by now; returns how many it sent. */
    public synchronized int tick() {
        if (started == null) {
            started = clock.instant();
        }
        long owed =
                (long)
                                Math.floor(
                                        Duration.between(started, clock.instant()).toMillis()
                                                * ratePerSecond
                                                / 1000.0)
                        - sent;
        int count = (int) Math.min(MAX_PUT_RECORDS, Math.max(0, owed));
        if (count == 0) {
            return 0;
        }
        List<PutRecordsRequestEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            RetailEvents.Event event = events.next(clock.instant());
            entries.add(
                    PutRecordsRequestEntry.builder()
                            .partitionKey(event.partitionKey())
                            .data(SdkBytes.fromByteArray(event.data()))
                            .build());
        }
        try {
            Integer refused =
                    kinesis.putRecords(r -> r.streamARN(sourceArn).records(entries))
                            .failedRecordCount();
            int failed = refused == null ? 0 : refused;
            sent += count - failed;
            lastProblem = null;
            return count - failed;
        } catch (SdkException e) {
            String problem = "traffic generator: writing to " + sourceArn + ": " + e.getMessage();
            if (!problem.equals(lastProblem)) {
                log.accept(problem);
                lastProblem = problem;
            }
            return 0;
        }
    }

    public synchronized long sent() {
        return sent;
    }

    @Override
    public synchronized void close() {
        if (loop != null) {
            loop.cancel(false);
        }
    }
}
