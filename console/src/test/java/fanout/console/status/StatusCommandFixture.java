package fanout.console.status;

import static fanout.console.status.StatusFakes.SOURCE;

import fanout.console.aws.memory.InMemoryCloudWatch;
import fanout.console.cli.Cli;
import fanout.console.status.StatusFakes.Clients;
import fanout.console.status.StatusFakes.FakeLambda;
import fanout.console.status.StatusFakes.FakeSts;
import fanout.mapping.Mapping;
import fanout.mapping.MappingCodec;
import fanout.mapping.TargetsTable;
import fanout.state.LastError;
import fanout.state.StateTable;
import fanout.testing.FakeDynamo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import picocli.CommandLine;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * {@code fanout status} over fakes: a class of two students (ab12 delivering, cd34 whose stream is
 * gone) on the command line as the launcher builds it.
 */
abstract class StatusCommandFixture {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:30Z");

    final Clock clock = StatusFakes.clockAt(NOW);
    final FakeDynamo dynamo =
            new FakeDynamo()
                    .table("fanoutTargets", TargetsTable.SOURCE_ARN, TargetsTable.ID)
                    .table("fanoutState", StateTable.PK, StateTable.SK)
                    .pageSize(1);
    final FakeLambda lambda = new FakeLambda();
    final InMemoryCloudWatch cloudWatch = new InMemoryCloudWatch(clock);
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final List<Duration> slept = new ArrayList<>();
    CommandLine cli;
    StatusCommand status;

    @BeforeEach
    void classWithTwoStudents() {
        Instant longAgo = NOW.minus(Duration.ofHours(1));
        dynamo.put(
                "fanoutTargets",
                MappingCodec.toItem(
                        Mapping.kinesis(SOURCE, "ab12", "ab12Stream")
                                .withActive(true)
                                .withPeople("Ada", null, "roster")
                                .withTimes(longAgo.toString(), longAgo.toString(), 1)));
        dynamo.put(
                "fanoutTargets",
                MappingCodec.toItem(
                        Mapping.kinesis(SOURCE, "cd34", "cd34Stream")
                                .withActive(true)
                                .withTimes(longAgo.toString(), longAgo.toString(), 1)));
        dynamo.put(
                "fanoutState",
                new LastError(
                                SOURCE,
                                "cd34",
                                "Stream cd34Stream not found",
                                "ResourceNotFound",
                                NOW.minusSeconds(20))
                        .toItem());
        cloudWatch.putMetricData(
                b ->
                        b.namespace("Fanout")
                                .metricData(
                                        MetricDatum.builder()
                                                .metricName("Delivered")
                                                .timestamp(NOW.minusSeconds(20))
                                                .dimensions(
                                                        d -> d.name("FunctionName").value("fanout"),
                                                        d ->
                                                                d.name("SourceStream")
                                                                        .value("coreRetailStream"),
                                                        d -> d.name("Target").value("ab12"))
                                                .value(42.0)
                                                .storageResolution(1)
                                                .build()));
        cli = cliOn(new Clients(dynamo, lambda, new FakeSts(), cloudWatch));
        status = (StatusCommand) cli.getSubcommands().get("status").getCommand();
        status.sleeper = slept::add;
    }

    /** The command line on these clients, printing into {@link #out} and {@link #err}. */
    CommandLine cliOn(Clients clients) {
        CommandLine line = Cli.create(options -> StatusFakes.session(clients, clock, options));
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        return line;
    }
}
