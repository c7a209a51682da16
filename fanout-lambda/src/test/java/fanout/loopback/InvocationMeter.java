package fanout.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import fanout.loopback.EsmDriver.InvocationRecord;
import java.util.Map;

/** What the sink saw during one invocation: its call counts before, the differences after. */
final class InvocationMeter {
    private final LoopbackAws sink;
    private final long callsBefore;
    private final long putsBefore;
    private final long connectionsBefore;
    private final long metricCallsBefore;
    private final long metricDatumsBefore;

    /** Takes the counts now, before the invocation. */
    InvocationMeter(LoopbackAws sink) {
        this.sink = sink;
        Map<String, Long> calls = sink.calls();
        this.callsBefore = total(calls);
        this.putsBefore = calls.getOrDefault("Kinesis.PutRecords", 0L);
        this.connectionsBefore = sink.connectionsOpened();
        this.metricCallsBefore = sink.metricCalls();
        this.metricDatumsBefore = sink.metricDatums();
    }

    /**
     * @param figures the handler JVM's figures after the invocation, null when it did not answer
     */
    InvocationRecord record(int first, int size, String label, boolean cold, JsonNode figures) {
        Map<String, Long> calls = sink.calls();
        long metricCalls = sink.metricCalls() - metricCallsBefore;
        long metricDatums = sink.metricDatums() - metricDatumsBefore;
        long puts = calls.getOrDefault("Kinesis.PutRecords", 0L) - putsBefore;
        long connections = sink.connectionsOpened() - connectionsBefore;
        long sinkCalls = total(calls) - callsBefore;
        if (figures == null) {
            return new InvocationRecord(
                    first,
                    size,
                    label,
                    cold,
                    -1,
                    -1,
                    0,
                    0,
                    0,
                    sinkCalls,
                    puts,
                    connections,
                    metricCalls,
                    metricDatums);
        }
        return new InvocationRecord(
                first,
                size,
                label,
                cold,
                figures.path("wallMs").asDouble(),
                figures.path("cpuMs").asDouble(),
                figures.path("liveThreads").asInt(),
                figures.path("peakThreads").asInt(),
                figures.path("heapMb").asDouble(),
                sinkCalls,
                puts,
                connections,
                metricCalls,
                metricDatums);
    }

    private static long total(Map<String, Long> calls) {
        return calls.values().stream().mapToLong(Long::longValue).sum();
    }
}
