package fanout.console.session;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@code fanout results}: how a student's session went.
 *
 * @param firstOkAt when the student was first seen OK, null when never
 * @param minutesNotOk whole minutes spent in ERROR, BEHIND, LAG or WAITING while watched
 * @param recordsReceived deliveries summed over the logged minutes
 * @param errors failed and rejected entries summed over the logged minutes
 * @param finalState the last state seen
 */
public record StudentResult(
        String id,
        String name,
        String helper,
        Instant firstOkAt,
        long minutesNotOk,
        long recordsReceived,
        long errors,
        String finalState) {

    public StudentResult {
        Objects.requireNonNull(id, "id is required");
        if (minutesNotOk < 0 || recordsReceived < 0 || errors < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + id);
        }
    }
}
