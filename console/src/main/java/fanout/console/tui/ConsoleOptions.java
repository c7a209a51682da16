package fanout.console.tui;

import java.time.Duration;
import java.util.Objects;

/**
 * How the console was started.
 *
 * @param readOnly hide and refuse every action that changes the installation
 * @param sandbox running against the local sandbox (a badge in the header, faster refresh allowed)
 * @param firstView the view to open first (a registered name)
 * @param refresh the dashboard's refresh interval to start with
 */
public record ConsoleOptions(
        boolean readOnly, boolean sandbox, String firstView, Duration refresh) {
    /**
     * On AWS: a broken student shows within about 20 s (the forwarder's metrics are read per 10 s,
     * a period counts 5 s after it ends, then the next refresh) at half the GetMetricData cost of
     * refreshing at the data's resolution; 10 s is one key away, with its cost shown first.
     */
    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(20);

    /** The forwarder's metrics are read per 10 s: refreshing faster only costs more. */
    public static final Duration MIN_REFRESH = Duration.ofSeconds(10);

    /** The sandbox's fake CloudWatch is free and instant, so it may refresh every few seconds. */
    public static final Duration SANDBOX_REFRESH = Duration.ofSeconds(5);

    public ConsoleOptions {
        Objects.requireNonNull(firstView, "first view is required");
        Objects.requireNonNull(refresh, "refresh is required");
        if (refresh.compareTo(minimumRefresh(sandbox)) < 0) {
            throw new IllegalArgumentException(
                    "refresh must be at least " + minimumRefresh(sandbox).toSeconds() + " s");
        }
    }

    public static ConsoleOptions defaults(boolean sandbox) {
        return new ConsoleOptions(
                false, sandbox, "connect", sandbox ? SANDBOX_REFRESH : DEFAULT_REFRESH);
    }

    public static Duration minimumRefresh(boolean sandbox) {
        return sandbox ? SANDBOX_REFRESH : MIN_REFRESH;
    }

    public ConsoleOptions withReadOnly(boolean value) {
        return new ConsoleOptions(value, sandbox, firstView, refresh);
    }

    public ConsoleOptions withFirstView(String name) {
        return new ConsoleOptions(readOnly, sandbox, name, refresh);
    }
}
