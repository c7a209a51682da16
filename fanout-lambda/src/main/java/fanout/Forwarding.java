package fanout;

import fanout.catchup.KinesisSourceReader;
import fanout.catchup.ShardReading;
import fanout.control.CursorControl;
import fanout.control.TargetChecker;
import fanout.forward.BatchPreparer;
import fanout.forward.DestinationPool;
import fanout.forward.DynamoMappingReader;
import fanout.forward.DynamoStateStore;
import fanout.forward.Forwarder;
import fanout.forward.GuardedStateStore;
import fanout.forward.MappingCache;
import fanout.forward.MappingValidator;
import fanout.forward.ProbeAcknowledgements;
import fanout.forward.RetryPolicy;
import fanout.forward.ShardForwarder;
import fanout.forward.Sinks;
import fanout.forward.StateStore;
import fanout.metrics.GuardedMetricsPublisher;
import fanout.record.RecordPreparer;
import fanout.record.RecordTransform;
import fanout.time.DaemonThreads;
import fanout.time.Sleeper;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Wires the forwarder and the control checks from the configuration and the services, and owns the
 * two thread pools they run on ({@link #close} stops them).
 */
record Forwarding(
        Forwarder forwarder,
        TargetChecker checker,
        CursorControl cursors,
        ExecutorService destinations,
        ExecutorService background)
        implements AutoCloseable {

    static Forwarding create(ForwarderConfig config, ForwarderServices services) {
        RecordPreparer preparer =
                new RecordPreparer(RecordTransform.named(config.transform(), services.clock()));
        return create(
                config,
                services,
                RetryPolicy.standard(new SecureRandom(), Sleeper.SYSTEM),
                preparer::prepare);
    }

    static Forwarding create(
            ForwarderConfig config,
            ForwarderServices services,
            RetryPolicy retry,
            BatchPreparer preparer) {
        // Bounded: at most this many destinations are in flight, whatever the class size.
        ExecutorService destinations =
                Executors.newFixedThreadPool(
                        config.maxConcurrency(), DaemonThreads.named("fanout-destination-"));
        ExecutorService background =
                Executors.newCachedThreadPool(DaemonThreads.named("fanout-background-"));
        // Probes are acknowledged from what a sink confirmed, outside the delivery code.
        Sinks sinks =
                new ProbeAcknowledgements(services.dynamo(), config.stateTable(), services.clock())
                        .watch(Sinks.standard(services.kinesis()));
        MappingValidator validator = new MappingValidator(sinks.types(), config.region());
        DynamoMappingReader reader =
                new DynamoMappingReader(services.dynamo(), config.targetsTable());
        StateStore table = new DynamoStateStore(services.dynamo(), config.stateTable());
        // Delivery goes through the breaker; control actions want the table's own answer.
        StateStore state = new GuardedStateStore(table, services.clock());
        // The function's own credentials: the hook grants it the source's reads.
        KinesisSourceReader source =
                new KinesisSourceReader(
                        region -> services.kinesis().forDestination(region, Optional.empty()));
        ShardForwarder shards =
                new ShardForwarder(
                        new MappingCache(
                                reader, config.mappingCacheTtl(), services.clock(), background),
                        validator,
                        preparer,
                        state,
                        new DestinationPool(
                                sinks,
                                destinations,
                                retry,
                                services.clock(),
                                config.destinationSlice()),
                        new ShardReading(source),
                        services.clock());
        Forwarder forwarder =
                new Forwarder(
                        shards,
                        state,
                        GuardedMetricsPublisher.cloudWatch(
                                services.cloudWatch(),
                                config.metricNamespace(),
                                config.functionName(),
                                background,
                                config.metricsInterval(),
                                services.clock()),
                        background);
        TargetChecker checker =
                new TargetChecker(reader, validator, services.kinesis(), destinations);
        return new Forwarding(
                forwarder,
                checker,
                new CursorControl(table, source, reader),
                destinations,
                background);
    }

    @Override
    public void close() {
        destinations.shutdownNow();
        background.shutdownNow();
    }
}
