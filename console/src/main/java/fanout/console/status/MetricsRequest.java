package fanout.console.status;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

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
        Objects.requireNonNull(namespace, "namespace is required");
        Objects.requireNonNull(functionName, "functionName is required");
        Objects.requireNonNull(sourceStream, "sourceStream is required");
        Objects.requireNonNull(start, "start is required");
        Objects.requireNonNull(end, "end is required");
        targetIds = List.copyOf(targetIds);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("start must be before end: " + start + " / " + end);
        }
    }
}
