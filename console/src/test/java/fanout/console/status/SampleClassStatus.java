package fanout.console.status;

import fanout.console.GlobalOptions;
import fanout.console.aws.memory.InMemoryCloudWatch;
import fanout.console.status.StatusFakes.Clients;
import fanout.console.status.StatusFakes.FakeLambda;
import fanout.console.status.StatusFakes.FakeSts;
import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import fanout.mapping.TargetsTable;
import fanout.metrics.MetricNames;
import fanout.state.LastError;
import fanout.state.StateTable;
import fanout.testing.FakeDynamo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/**
 * The workshop class the console's golden screens show, reported by the real {@link StatusService}
 * over in-memory tables, Lambda and STS and the forwarder's datums recorded in the in-memory
 * CloudWatch: a change in how status folds rows and metrics shows in the goldens.
 *
 * <p>Seven students: two delivering, one lagging behind a throttled stream, two whose streams are
 * missing, one just activated and one deactivated.
 */
public final class SampleClassStatus {
    public static final String SOURCE = StatusFakes.SOURCE;
    private static final String TARGETS = "fanoutTargets";
    private static final String STATE = "fanoutState";

    private final Instant now;
    private final FakeDynamo dynamo =
            new FakeDynamo()
                    .table(TARGETS, TargetsTable.SOURCE_ARN, TargetsTable.ID)
                    .table(STATE, StateTable.PK, StateTable.SK);
    private final InMemoryCloudWatch cloudWatch;

    private SampleClassStatus(Instant now) {
        this.now = now;
        this.cloudWatch = new InMemoryCloudWatch(StatusFakes.clockAt(now));
    }

    /** The class as status sees it at {@code now}, over the last five minutes. */
    public static StatusSnapshot at(Instant now) {
        return at(now, StatusService.DEFAULT_WINDOW);
    }

    /** The same over another window ({@code status --since}). */
    public static StatusSnapshot at(Instant now, Duration window) {
        SampleClassStatus world = new SampleClassStatus(now);
        world.seed();
        return world.snapshot(window);
    }

    /**
     * A class a few minutes after a hook at TRIM_HORIZON: everyone delivered the backlog with the
     * same large lag while the function caught up, so status names the function as the cause, once;
     * one student's stream is missing.
     */
    public static StatusSnapshot backlogAt(Instant now) {
        SampleClassStatus world = new SampleClassStatus(now);
        world.seedBacklog();
        return world.snapshot(StatusService.DEFAULT_WINDOW);
    }

    private void seedBacklog() {
        fourStudents();
        source(MetricNames.RECORDS_IN, 2200, now.minusSeconds(60));
        iteratorAge(71_000, now.minusSeconds(180));
        iteratorAge(300, now.minusSeconds(60));
        delivering("ada1", 2200, 71_000);
        delivering("cy03", 2200, 71_000);
        delivering("dee4", 2200, 71_000);
        failing("bob2");
    }

    private void seed() {
        Instant longAgo = fourStudents();
        student("eve5", "Eve Online", true, now.minusSeconds(40));
        student("fox6", "Fox Mulder", false, longAgo);
        student("gus7", "Gus Fring", true, longAgo);
        source(MetricNames.RECORDS_IN, 3000, now.minusSeconds(60));
        iteratorAge(900, now.minusSeconds(120));
        delivering("ada1", 600, 850);
        delivering("dee4", 600, 850);
        delivering("cy03", 600, 75_000);
        target("cy03", MetricNames.THROTTLED, 7, now.minusSeconds(20));
        failing("bob2");
        failing("gus7");
    }

    /** Ada, Bob, Cy and Dee, active and registered three hours ago (returned). */
    private Instant fourStudents() {
        Instant longAgo = now.minus(Duration.ofHours(3));
        student("ada1", "Ada Lovelace", true, longAgo);
        student("bob2", "Bob Barker", true, longAgo);
        student("cy03", "Cy Young", true, longAgo);
        student("dee4", "Dee Dee Ramone", true, longAgo);
        return longAgo;
    }

    private StatusSnapshot snapshot(Duration window) {
        Clock clock = StatusFakes.clockAt(now);
        StatusService service =
                new StatusService(
                        StatusFakes.session(
                                new Clients(dynamo, new FakeLambda(), new FakeSts(), cloudWatch),
                                clock,
                                GlobalOptions.defaults()));
        return service.snapshot(Optional.of(SOURCE), window);
    }

    private void student(String id, String name, boolean active, Instant registered) {
        Mapping mapping =
                Mapping.kinesis(SOURCE, id, id + "Stream")
                        .withActive(active)
                        .withPeople(name, null, "roster")
                        .withTimes(registered.toString(), registered.toString(), 1);
        dynamo.put(TARGETS, MappingCodec.toItem(mapping));
    }

    /** Delivered records in the last complete 10 s, {@code lagMs} behind the source. */
    private void delivering(String id, int records, long lagMs) {
        target(id, MetricNames.DELIVERED, records, now.minusSeconds(20));
        lag(id, lagMs, now.minusSeconds(20));
    }

    /**
     * Failed records over the window and the forwarder's last error, 30 s ago: the student's stream
     * does not exist (the message as the forwarder writes it, code first).
     */
    private void failing(String id) {
        target(id, MetricNames.FAILED, 12, now.minusSeconds(60));
        String code = "ResourceNotFoundException";
        String message = code + ": Stream " + id + "Stream under account 210987654321 not found.";
        dynamo.put(STATE, new LastError(SOURCE, id, message, code, now.minusSeconds(30)).toItem());
    }

    /** One of the forwarder's datums for the source, with {@code more} dimensions (name, value). */
    private void source(String name, double value, Instant at, String... more) {
        String[] dimensions = new String[4 + more.length];
        dimensions[0] = MetricNames.FUNCTION_NAME;
        dimensions[1] = "fanout";
        dimensions[2] = MetricNames.SOURCE_STREAM;
        dimensions[3] = "coreRetailStream";
        System.arraycopy(more, 0, dimensions, 4, more.length);
        StatusFakes.publish(cloudWatch, MetricNames.DEFAULT_NAMESPACE, name, value, at, dimensions);
    }

    /** Lambda's own metric: standard resolution, by function. */
    private void iteratorAge(double ms, Instant at) {
        StatusFakes.publish(
                cloudWatch,
                MetricNames.LAMBDA_NAMESPACE,
                MetricNames.LAMBDA_ITERATOR_AGE,
                ms,
                at,
                MetricNames.FUNCTION_NAME,
                "fanout");
    }

    private void target(String id, String name, double value, Instant at) {
        source(name, value, at, MetricNames.TARGET, id);
    }

    private void lag(String id, long lagMs, Instant at) {
        cloudWatch.putMetricData(
                b ->
                        b.namespace(MetricNames.DEFAULT_NAMESPACE)
                                .metricData(
                                        MetricDatum.builder()
                                                .metricName(MetricNames.DELIVERY_LAG)
                                                .dimensions(
                                                        dimension(
                                                                MetricNames.FUNCTION_NAME,
                                                                "fanout"),
                                                        sourceStream(),
                                                        dimension(MetricNames.TARGET, id))
                                                .statisticValues(
                                                        StatisticSet.builder()
                                                                .sampleCount(10.0)
                                                                .sum(10.0 * lagMs)
                                                                .minimum((double) lagMs)
                                                                .maximum((double) lagMs)
                                                                .build())
                                                .timestamp(at)
                                                .storageResolution(1)
                                                .build()));
    }

    private static Dimension sourceStream() {
        return dimension(MetricNames.SOURCE_STREAM, "coreRetailStream");
    }

    private static Dimension dimension(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }
}
