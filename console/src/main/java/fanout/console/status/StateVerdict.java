package fanout.console.status;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@link StateRules} decided for one destination.
 *
 * @param reason why, in words
 * @param fix what the leader can do, empty when nothing is needed
 * @param firstDeliveryExpectedBy for WAITING, when the first delivery should have happened at the
 *     latest; null otherwise
 */
public record StateVerdict(
        DestinationState state, String reason, String fix, Instant firstDeliveryExpectedBy) {

    public StateVerdict {
        Objects.requireNonNull(state, "state is required");
        Objects.requireNonNull(reason, "reason is required");
        fix = fix == null ? "" : fix;
    }
}
