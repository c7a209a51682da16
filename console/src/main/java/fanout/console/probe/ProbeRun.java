package fanout.console.probe;

import fanout.check.Required;
import fanout.state.LastError;
import fanout.state.ProbeAck;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One probe: what was sent, to whom, and the acknowledgements so far. {@link #results} is a pure
 * function of these, so the CLI and the dashboard show the same answer.
 *
 * @param sourceArn the stream the probe was written to
 * @param targets the active students the probe should reach, in the order to show them
 * @param inactive students asked for who are not active (they cannot get it)
 */
public record ProbeRun(
        String probeId,
        String sourceArn,
        Instant sentAt,
        Duration timeout,
        List<String> targets,
        List<String> inactive,
        Map<String, ProbeAck> acks,
        Map<String, LastError> errors) {

    public ProbeRun {
        Required.all("probeId, sourceArn, sentAt, timeout", probeId, sourceArn, sentAt, timeout);
        targets = List.copyOf(targets);
        inactive = List.copyOf(inactive);
        acks = Map.copyOf(acks);
        errors = Map.copyOf(errors);
    }

    public ProbeRun with(Collection<ProbeAck> more, Map<String, LastError> latestErrors) {
        Map<String, ProbeAck> all = new java.util.HashMap<>(acks);
        more.forEach(ack -> all.put(ack.targetId(), ack));
        return new ProbeRun(
                probeId, sourceArn, sentAt, timeout, targets, inactive, all, latestErrors);
    }

    public boolean complete() {
        return targets.stream().allMatch(acks::containsKey);
    }

    public int delivered() {
        return (int) targets.stream().filter(acks::containsKey).count();
    }

    /** The headline the CLI and the dashboard both print above the results. */
    public String summary() {
        return "probe "
                + probeId
                + " sent at "
                + sentAt
                + ": "
                + delivered()
                + " of "
                + (targets.size() + inactive.size())
                + " delivered";
    }

    /** One result per student: delivered with the round trip, or why not. */
    public List<ProbeResult> results(boolean finished) {
        List<ProbeResult> results = new ArrayList<>();
        for (String id : targets) {
            ProbeAck ack = acks.get(id);
            if (ack != null) {
                long millis = Math.max(0, Duration.between(sentAt, ack.at()).toMillis());
                results.add(new ProbeResult(id, true, millis, null));
            } else {
                results.add(new ProbeResult(id, false, null, why(id, finished)));
            }
        }
        for (String id : inactive) {
            results.add(new ProbeResult(id, false, null, "inactive: activate it first"));
        }
        return results;
    }

    private String why(String id, boolean finished) {
        LastError error = errors.get(id);
        if (error != null && !error.at().isBefore(sentAt.minus(Duration.ofMinutes(5)))) {
            boolean named = error.code() == null || error.message().contains(error.code());
            return (named ? "" : error.code() + ": ") + error.message();
        }
        return finished ? "no acknowledgement within " + timeout.toSeconds() + " s" : "waiting";
    }
}
