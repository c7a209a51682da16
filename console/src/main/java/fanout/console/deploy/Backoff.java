package fanout.console.deploy;

import fanout.console.problem.AwsAccessException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Capped exponential backoff for polling AWS until something is ready (IAM propagation, a function
 * becoming Active, a table ACTIVE). Gives up once the waits add up to {@code budget}.
 */
public record Backoff(Duration initial, Duration cap, Duration budget) {
    /** IAM changes usually propagate within 10 s, sometimes take a minute or two. */
    public static final Backoff IAM_PROPAGATION =
            new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(3));

    /** A function is Active and an update done within seconds, a VPC function within minutes. */
    public static final Backoff FUNCTION_READY =
            new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(15), Duration.ofMinutes(10));

    /** An on-demand table is ACTIVE within seconds. */
    public static final Backoff TABLE_ACTIVE =
            new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofMinutes(5));

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(budget, "budget");
        if (initial.isNegative() || initial.isZero() || cap.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= cap");
        }
    }

    /** The wait before attempt {@code attempt + 1} (attempt counts from 0). */
    public Duration delay(int attempt) {
        Duration delay = initial;
        for (int i = 0; i < attempt && delay.compareTo(cap) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(cap) > 0 ? cap : delay;
    }

    /**
     * Calls {@code attempt} until it returns a value, sleeping between calls.
     *
     * @param what what is awaited, for the progress messages and the timeout error
     * @param progress told before each wait, e.g. "waiting 2s for the role to propagate"
     */
    public <T> T await(
            String what,
            Supplier<Optional<T>> attempt,
            Sleeper sleeper,
            Consumer<String> progress) {
        Duration waited = Duration.ZERO;
        for (int i = 0; ; i++) {
            Optional<T> result = attempt.get();
            if (result.isPresent()) {
                return result.get();
            }
            Duration delay = delay(i);
            if (waited.plus(delay).compareTo(budget) > 0) {
                throw new AwsAccessException(
                        "gave up after "
                                + waited.toSeconds()
                                + "s waiting for "
                                + what
                                + "; run the command again to resume");
            }
            progress.accept("waiting " + seconds(delay) + " for " + what);
            sleeper.sleep(delay);
            waited = waited.plus(delay);
        }
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : String.format("%.1fs", millis / 1000.0);
    }
}
