package fanout.console.deploy;

import fanout.console.problem.AwsAccessException;
import fanout.time.Backoff;
import fanout.time.Sleeper;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Polling AWS until something is ready (IAM propagation, a function becoming Active, a table
 * ACTIVE), waiting by the {@link Backoff} between polls. Gives up once the waits add up to {@code
 * budget}.
 */
public record Polling(Backoff backoff, Duration budget) {
    /** IAM changes usually propagate within 10 s, sometimes take a minute or two. */
    public static final Polling IAM_PROPAGATION =
            new Polling(
                    new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10)),
                    Duration.ofMinutes(3));

    /** A function is Active and an update done within seconds, a VPC function within minutes. */
    public static final Polling FUNCTION_READY =
            new Polling(
                    new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(15)),
                    Duration.ofMinutes(10));

    /** An on-demand table is ACTIVE within seconds. */
    public static final Polling TABLE_ACTIVE =
            new Polling(
                    new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5)),
                    Duration.ofMinutes(5));

    public Polling {
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(budget, "budget");
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
            Duration delay = backoff.delay(i);
            if (waited.plus(delay).compareTo(budget) > 0) {
                throw new AwsAccessException(
                        "gave up after "
                                + waited.toSeconds()
                                + "s waiting for "
                                + what
                                + "; run the command again to resume");
            }
            progress.accept("waiting " + seconds(delay) + " for " + what);
            try {
                sleeper.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting", e);
            }
            waited = waited.plus(delay);
        }
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : String.format("%.1fs", millis / 1000.0);
    }
}
