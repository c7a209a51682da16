package fanout.console.status;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code status --output json} prints and the dashboard shows: the function's per-destination
 * forwarding state at one moment.
 *
 * @param dataAsOf the start of the newest period CloudWatch had data for (10 s periods for the
 *     forwarder's high-resolution metrics)
 * @param recordsIn records the function read from the source over the window
 * @param iteratorAgeMs the function's IteratorAge maximum over the window, null when unknown
 * @param problems things that kept the snapshot from being complete (e.g. a throttled
 *     GetMetricData), in words
 * @param missing parts of the installation that do not exist (e.g. "function fanout", "table
 *     fanoutTargets"); {@code status} exits with code 3 when any is
 * @param metricsPerRefresh metrics one refresh requests from CloudWatch (GetMetricData is priced
 *     per metric, see {@link StatusCost})
 * @param classDiagnosis causes shared by most of the class, each said once (the banner)
 * @param functionHealth the function's own metrics (IteratorAge now and peak, errors, throttles)
 * @param functionState the function's Lambda state in words with the fix when it is not Active
 *     (Inactive, Pending, Failed, an update in progress or failed), null when it is
 */
public record StatusSnapshot(
        Instant asOf,
        String account,
        String region,
        String function,
        String source,
        int windowSeconds,
        Instant dataAsOf,
        long recordsIn,
        Long iteratorAgeMs,
        List<DestinationStatus> destinations,
        List<String> problems,
        List<String> missing,
        int metricsPerRefresh,
        List<ClassCause> classDiagnosis,
        FunctionHealth functionHealth,
        String functionState) {

    /** A builder for a snapshot taken at {@code asOf}; lists empty, the rest zero or null. */
    public static StatusSnapshotBuilder builder(Instant asOf) {
        return new StatusSnapshotBuilder(asOf);
    }

    /** A builder holding this snapshot's values, to change a few of them. */
    public StatusSnapshotBuilder toBuilder() {
        return new StatusSnapshotBuilder(this);
    }

    public StatusSnapshot {
        Objects.requireNonNull(asOf, "asOf is required");
        classDiagnosis = List.copyOf(classDiagnosis);
        functionHealth = functionHealth == null ? FunctionHealth.UNKNOWN : functionHealth;
        destinations = List.copyOf(destinations);
        problems = List.copyOf(problems);
        missing = List.copyOf(missing);
    }

    /** The same snapshot with these class-wide causes. */
    public StatusSnapshot withCauses(List<ClassCause> causes) {
        return toBuilder().classDiagnosis(causes).build();
    }

    /** The same snapshot with one more problem line. */
    public StatusSnapshot withProblem(String problem) {
        List<String> more = new java.util.ArrayList<>(problems);
        more.add(problem);
        return toBuilder().problems(more).build();
    }

    /** The same snapshot with its rows in another order (or others). */
    public StatusSnapshot withDestinations(List<DestinationStatus> rows) {
        return toBuilder().destinations(rows).build();
    }

    /** How many destinations are in each state, every state present (zero when none). */
    public Map<DestinationState, Integer> countsByState() {
        Map<DestinationState, Integer> counts = new EnumMap<>(DestinationState.class);
        for (DestinationState state : DestinationState.values()) {
            counts.put(state, 0);
        }
        for (DestinationStatus destination : destinations) {
            counts.merge(destination.state(), 1, Integer::sum);
        }
        return counts;
    }
}
