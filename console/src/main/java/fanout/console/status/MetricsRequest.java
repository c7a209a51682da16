package fanout.console.status;

import fanout.check.Required;
import java.time.Instant;
import java.util.List;

/**
 * One refresh's question: the metrics of these targets of one source, from {@code start}
 * (inclusive) to {@code end} (exclusive), both on whole minutes.
 *
 * @param sourceStream the {@code SourceStream} dimension value (the source stream's name)
 */
public record MetricsRequest(
        String namespace,
        String functionName,
        String sourceStream,
        List<String> targetIds,
        Instant start,
        Instant end) {

    public MetricsRequest {
        Required.all(
                "namespace, functionName, sourceStream, start, end",
                namespace,
                functionName,
                sourceStream,
                start,
                end);
        targetIds = List.copyOf(targetIds);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("start must be before end: " + start + " / " + end);
        }
    }
}
