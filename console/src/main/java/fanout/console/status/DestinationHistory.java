package fanout.console.status;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One destination's per-minute metrics over a span (the dashboard's sparklines): one sample for
 * every minute from {@code start} (inclusive) to {@code end} (exclusive), zero where CloudWatch had
 * no data.
 */
public record DestinationHistory(
        String sourceArn,
        String id,
        Instant start,
        Instant end,
        List<MinuteSample> minutes,
        List<String> problems) {

    public DestinationHistory {
        Objects.requireNonNull(sourceArn, "sourceArn is required");
        Objects.requireNonNull(id, "id is required");
        minutes = List.copyOf(minutes);
        problems = List.copyOf(problems);
    }
}
