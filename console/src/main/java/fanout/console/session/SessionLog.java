package fanout.console.session;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fanout.console.Session;
import fanout.console.probe.ProbeResult;
import fanout.console.probe.ProbeRun;
import fanout.console.status.DestinationStatus;
import fanout.console.status.StatusSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The append-only JSON-lines log of one class: state changes, each complete minute's deliveries and
 * errors per student, the leader's actions and probes. Read back on open, so a console opened the
 * next day knows what every student's state was and logs only what changed since.
 */
public final class SessionLog {
    static final ObjectMapper JSON =
            JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(SerializationFeature.INDENT_OUTPUT)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build();

    private final Path file;
    private final Clock clock;
    private Map<String, String> lastStates;
    private Instant lastMinute;

    public SessionLog(Path file, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The log of a class: {@code .fanout/sessions/<function>-<region>-<source stream>.jsonl} under
     * the working directory.
     */
    public static SessionLog of(Path workingDirectory, Session session, String sourceArn) {
        return new SessionLog(
                workingDirectory.resolve(
                        fileName(session.functionName(), session.region(), sourceArn)),
                session.clock());
    }

    /** The log of the session's class in the current directory. */
    public static SessionLog of(Session session, String sourceArn) {
        return of(Path.of(""), session, sourceArn);
    }

    static Path fileName(String function, String region, String sourceArn) {
        String source =
                sourceArn == null ? "unknown" : sourceArn.substring(sourceArn.lastIndexOf('/') + 1);
        String name =
                (function + "-" + region + "-" + account(sourceArn) + "-" + source)
                        .replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(".fanout", "sessions", name + ".jsonl");
    }

    /** The source's account, so a sandbox class never shares a log with a real one. */
    private static String account(String sourceArn) {
        String[] parts = sourceArn == null ? new String[0] : sourceArn.split(":", 6);
        return parts.length > 4 && !parts[4].isEmpty() ? parts[4] : "unknown";
    }

    /**
     * Removes the logs of every class of {@code account} under the working directory: a new sandbox
     * is a new class, and yesterday's rehearsal must not show in today's results.
     *
     * @return the files removed
     */
    public static List<Path> forget(Path workingDirectory, String account) throws IOException {
        Path directory = workingDirectory.resolve(Path.of(".fanout", "sessions"));
        List<Path> removed = new java.util.ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return removed;
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".jsonl") && name.contains("-" + account + "-")) {
                    Files.delete(file);
                    removed.add(file);
                }
            }
        }
        return removed;
    }

    public Path file() {
        return file;
    }

    /** Every entry so far, oldest first; a line that cannot be read is skipped, not fatal. */
    public synchronized List<LogEntry> read() {
        List<LogEntry> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    entries.add(JSON.readValue(line, LogEntry.class));
                } catch (IOException e) {
                    // A torn last line (the console was killed mid-write) loses one entry only.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the session log " + file, e);
        }
        return entries;
    }

    /** Logs what changed since the last observation: states, and the last complete minute. */
    public synchronized void observe(StatusSnapshot snapshot) {
        restore();
        List<LogEntry> entries = new ArrayList<>();
        Instant at = snapshot.asOf();
        for (DestinationStatus row : snapshot.destinations()) {
            String before = lastStates.get(row.id());
            String now = row.state().name();
            if (!now.equals(before)) {
                entries.add(
                        LogEntry.state(
                                at, row.id(), row.name(), row.helper(), before, now, row.reason()));
                lastStates.put(row.id(), now);
            }
        }
        Instant minute = at.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(1));
        if (lastMinute == null || minute.isAfter(lastMinute)) {
            Map<String, Long> delivered = new LinkedHashMap<>();
            Map<String, Long> errors = new LinkedHashMap<>();
            for (DestinationStatus row : snapshot.destinations()) {
                if (row.recentDelivered() > 0) {
                    delivered.put(row.id(), row.recentDelivered());
                }
                if (row.recentErrors() > 0) {
                    errors.put(row.id(), row.recentErrors());
                }
            }
            entries.add(LogEntry.minute(at, minute, delivered, errors));
            lastMinute = minute;
        }
        append(entries);
    }

    public synchronized void action(String action, List<String> ids, String outcome) {
        append(List.of(LogEntry.action(clock.instant(), action, List.copyOf(ids), outcome)));
    }

    public synchronized void probe(ProbeRun run, List<ProbeResult> results) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ProbeResult result : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", result.id());
            row.put("delivered", result.delivered());
            row.put("roundTripMs", result.roundTripMs());
            row.put("error", result.error());
            rows.add(row);
        }
        append(List.of(LogEntry.probe(run.sentAt(), run.probeId(), rows)));
    }

    private void restore() {
        if (lastStates != null) {
            return;
        }
        lastStates = new HashMap<>();
        for (LogEntry entry : read()) {
            if (LogEntry.STATE.equals(entry.type()) && entry.id() != null) {
                lastStates.put(entry.id(), entry.state());
            } else if (LogEntry.MINUTE.equals(entry.type()) && entry.minute() != null) {
                lastMinute =
                        lastMinute == null || entry.minute().isAfter(lastMinute)
                                ? entry.minute()
                                : lastMinute;
            }
        }
    }

    private void append(List<LogEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        try {
            for (LogEntry entry : entries) {
                lines.append(JSON.writeValueAsString(entry)).append('\n');
            }
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    lines,
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("appending to the session log " + file, e);
        }
    }
}
