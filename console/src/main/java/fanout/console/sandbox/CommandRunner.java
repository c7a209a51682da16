package fanout.console.sandbox;

import java.util.List;
import java.util.Objects;

/** Runs one console command line and captures what it printed. */
@FunctionalInterface
public interface CommandRunner {
    Result run(List<String> args);

    /** What a command printed, and its exit code. */
    record Result(int exitCode, String out, String err) {
        public Result {
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(err, "err");
        }
    }
}
