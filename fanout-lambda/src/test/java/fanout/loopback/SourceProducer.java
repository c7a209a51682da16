package fanout.loopback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Appends planned records to the source stream on their schedule, as the class's producers do. */
final class SourceProducer implements AutoCloseable {
    private final LoopbackStreams streams;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    SourceProducer(LoopbackStreams streams) {
        this.streams = streams;
    }

    /** Appends each group of records with the same offset at once, {@code from} being now. */
    void schedule(List<Traffic.Planned> plan, long from) {
        Map<Long, List<Traffic.Planned>> byOffset = new TreeMap<>();
        plan.forEach(
                p -> byOffset.computeIfAbsent(p.offsetMillis(), k -> new ArrayList<>()).add(p));
        byOffset.forEach(
                (offset, records) ->
                        timer.schedule(
                                () ->
                                        streams.append(
                                                LoopbackClass.SOURCE_ACCOUNT,
                                                LoopbackClass.SOURCE_NAME,
                                                records.stream()
                                                        .map(
                                                                r ->
                                                                        Map.entry(
                                                                                r.partitionKey(),
                                                                                r.data()))
                                                        .toList()),
                                offset - from,
                                TimeUnit.MILLISECONDS));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
