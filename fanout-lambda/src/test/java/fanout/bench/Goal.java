package fanout.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    static void write(Path file, List<Goal> goals) {
        List<Entry> entries =
                goals.stream()
                        .map(
                                g ->
                                        new Entry(
                                                g.id(),
                                                Math.round(g.measured() * 10) / 10.0,
                                                g.goal(),
                                                g.unit(),
                                                g.pass()))
                        .toList();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(file.toFile(), entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
