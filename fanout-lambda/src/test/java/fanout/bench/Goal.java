package fanout.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One performance goal as measured: written to {@code target/bench/results.json}.
 *
 * @param atMost the goal is an upper bound (CPU, threads, heap); pass when measured <= goal
 */
record Goal(String id, double measured, double goal, String unit, boolean atMost) {
    boolean pass() {
        return atMost ? measured <= goal : measured >= goal;
    }

    record Entry(String id, double measured, double goal, String unit, boolean pass) {}

    /**
     * Writes {@code goals} into {@code file}, keeping the entries of other goals already there: the
     * stub scenarios and the loopback runs are two programs (and {@code -Dbench.only} may run one),
     * each entry is its latest measurement. {@code mvn clean} starts the file afresh.
     */
    static void merge(Path file, List<Goal> goals) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            Map<String, Entry> entries = new LinkedHashMap<>();
            if (Files.exists(file)) {
                for (Entry old : json.readValue(file.toFile(), Entry[].class)) {
                    entries.put(old.id(), old);
                }
            }
            for (Goal g : goals) {
                entries.put(
                        g.id(),
                        new Entry(
                                g.id(),
                                Math.round(g.measured() * 10) / 10.0,
                                g.goal(),
                                g.unit(),
                                g.pass()));
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            json.writeValue(file.toFile(), entries.values());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
