package fanout.console.hook;

import fanout.console.problem.BadInputException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to hook the function to a source stream.
 *
 * @param startingPosition TRIM_HORIZON, LATEST or AT_TIMESTAMP (then {@code timestamp} is required)
 * @param batchWindowSeconds how long Lambda gathers records before invoking (0-300)
 * @param enabled whether the mapping starts enabled (the original's {@code --active})
 */
public record HookRequest(
        String function,
        String sourceArn,
        String startingPosition,
        Optional<Instant> timestamp,
        int batchSize,
        int batchWindowSeconds,
        boolean enabled) {

    /** A fan-out batch: big enough to amortise the per-invocation cost over every destination. */
    public static final int DEFAULT_BATCH_SIZE = 100;

    public static final int DEFAULT_BATCH_WINDOW_SECONDS = 1;

    /** Lambda's limits for a Kinesis source. */
    public static final int MAX_BATCH_SIZE = 10_000;

    public static final int MAX_BATCH_WINDOW_SECONDS = 300;
    public static final List<String> STARTING_POSITIONS =
            List.of("TRIM_HORIZON", "LATEST", "AT_TIMESTAMP");

    public HookRequest {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(sourceArn, "sourceArn");
        startingPosition = startingPosition == null ? null : startingPosition.trim().toUpperCase();
        if (!STARTING_POSITIONS.contains(startingPosition)) {
            throw new BadInputException(
                    "--starting-position '"
                            + startingPosition
                            + "' must be one of "
                            + STARTING_POSITIONS);
        }
        if (startingPosition.equals("AT_TIMESTAMP") != timestamp.isPresent()) {
            throw new BadInputException(
                    "--starting-position-timestamp goes with --starting-position AT_TIMESTAMP,"
                            + " and only with it");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new BadInputException(
                    "--batch-size " + batchSize + " must be between 1 and " + MAX_BATCH_SIZE);
        }
        if (batchWindowSeconds < 0 || batchWindowSeconds > MAX_BATCH_WINDOW_SECONDS) {
            throw new BadInputException(
                    "--batch-window "
                            + batchWindowSeconds
                            + " must be between 0 and "
                            + MAX_BATCH_WINDOW_SECONDS
                            + " seconds");
        }
    }
}
