package fanout.console.probe;

import java.util.Objects;

/**
 * One student's answer to a probe: {@code probe --output json} prints a list of these.
 *
 * @param roundTripMs from writing the probe to the source to the forwarder's acknowledgement of
 *     this student's delivery, null when not delivered
 * @param error why it was not delivered (the last error, inactive, or no acknowledgement in time),
 *     null when delivered
 */
public record ProbeResult(String id, boolean delivered, Long roundTripMs, String error) {
    public ProbeResult {
        Objects.requireNonNull(id, "id is required");
        if (delivered == (roundTripMs == null)) {
            throw new IllegalArgumentException(
                    "a delivered probe has a round trip and an undelivered one has none: " + id);
        }
    }
}
