package fanout.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.ParseException;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/** With {@code -Dbench.jfr=FILE}: a JFR recording (profile settings) of the measured rounds. */
final class Profiling {
    private Profiling() {}

    static Recording start() {
        if (System.getProperty("bench.jfr") == null) {
            return null;
        }
        try {
            Recording recording = new Recording(Configuration.getConfiguration("profile"));
            recording.start();
            return recording;
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot start JFR: " + e.getMessage(), e);
        }
    }

    static void stop(Recording recording) {
        if (recording == null) {
            return;
        }
        recording.stop();
        try {
            recording.dump(Path.of(System.getProperty("bench.jfr")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            recording.close();
        }
    }
}
