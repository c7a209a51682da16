package fanout.console.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * From the session log to one result per student. Pure. A minute logged twice (two consoles
 * watching) counts once; time not OK runs from a change to a non-OK state until the next change, or
 * until {@code end} for the last one.
 */
public final class ResultsFold {
    static final Set<String> NOT_OK = Set.of("ERROR", "BEHIND", "LAG", "WAITING");

    private ResultsFold() {}

    public static List<StudentResult> fold(List<LogEntry> entries, Instant end) {
        Map<String, Student> students = new LinkedHashMap<>();
        Map<Instant, LogEntry> minutes = new TreeMap<>();
        for (LogEntry entry : entries) {
            if (LogEntry.STATE.equals(entry.type()) && entry.id() != null) {
                students.computeIfAbsent(entry.id(), Student::new).change(entry);
            } else if (LogEntry.MINUTE.equals(entry.type()) && entry.minute() != null) {
                minutes.put(entry.minute(), entry);
            }
        }
        for (LogEntry minute : minutes.values()) {
            if (minute.delivered() != null) {
                minute.delivered()
                        .forEach(
                                (id, n) ->
                                        students.computeIfAbsent(id, Student::new).received += n);
            }
            if (minute.errors() != null) {
                minute.errors()
                        .forEach((id, n) -> students.computeIfAbsent(id, Student::new).errors += n);
            }
        }
        List<StudentResult> results = new ArrayList<>();
        for (Student student : students.values()) {
            results.add(student.result(end));
        }
        results.sort(java.util.Comparator.comparing(StudentResult::id));
        return results;
    }

    private static final class Student {
        final String id;
        String name;
        String helper;
        String state;
        Instant since;
        Instant firstOk;
        Duration notOk = Duration.ZERO;
        long received;
        long errors;

        Student(String id) {
            this.id = id;
        }

        void change(LogEntry entry) {
            close(entry.at());
            name = entry.name() != null ? entry.name() : name;
            helper = entry.helper() != null ? entry.helper() : helper;
            state = entry.state();
            since = entry.at();
            if ("OK".equals(state) && firstOk == null) {
                firstOk = entry.at();
            }
        }

        private void close(Instant at) {
            if (state != null && NOT_OK.contains(state) && since != null && at.isAfter(since)) {
                notOk = notOk.plus(Duration.between(since, at));
            }
        }

        StudentResult result(Instant end) {
            close(end);
            since = end;
            return new StudentResult(
                    id,
                    name,
                    helper,
                    firstOk,
                    Math.round(notOk.toMillis() / 60_000.0),
                    received,
                    errors,
                    state == null ? "" : state);
        }
    }
}
