package fanout.console.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import fanout.check.Required;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One line of the session log. {@code type} says which fields are set: {@code state} (a student's
 * state changed: id, name, helper, from, state, reason), {@code minute} (the deliveries and errors
 * of one complete minute, per student), {@code action} (what the leader did: action, ids, outcome),
 * {@code probe} (probeId, results).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LogEntry(
        Instant at,
        String type,
        String id,
        String name,
        String helper,
        String from,
        String state,
        String reason,
        Instant minute,
        Map<String, Long> delivered,
        Map<String, Long> errors,
        String action,
        List<String> ids,
        String outcome,
        String probeId,
        List<Map<String, Object>> results) {

    public static final String STATE = "state";
    public static final String MINUTE = "minute";
    public static final String ACTION = "action";
    public static final String PROBE = "probe";

    public LogEntry {
        Required.all("at, type", at, type);
    }

    static LogEntry state(
            Instant at,
            String id,
            String name,
            String helper,
            String from,
            String state,
            String reason) {
        return new LogEntry(
                at, STATE, id, name, helper, from, state, reason, null, null, null, null, null,
                null, null, null);
    }

    static LogEntry minute(
            Instant at, Instant minute, Map<String, Long> delivered, Map<String, Long> errors) {
        return new LogEntry(
                at, MINUTE, null, null, null, null, null, null, minute, delivered, errors, null,
                null, null, null, null);
    }

    static LogEntry action(Instant at, String action, List<String> ids, String outcome) {
        return new LogEntry(
                at, ACTION, null, null, null, null, null, null, null, null, null, action, ids,
                outcome, null, null);
    }

    static LogEntry probe(Instant at, String probeId, List<Map<String, Object>> results) {
        return new LogEntry(
                at, PROBE, null, null, null, null, null, null, null, null, null, "probe", null,
                null, probeId, results);
    }
}
