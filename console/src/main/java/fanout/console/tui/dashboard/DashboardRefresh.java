package fanout.console.tui.dashboard;

import fanout.console.status.StatusSnapshot;
import fanout.console.tui.ConsoleOptions;
import fanout.console.tui.Problem;
import fanout.console.tui.Tone;
import fanout.console.tui.ViewContext;
import fanout.time.Backoff;
import java.time.Duration;
import java.util.Locale;

/**
 * When the dashboard reads the status again: at its interval ({@code +}/{@code -}, a faster one
 * only after its cost was shown), one read in flight at a time, backing off after failed reads; the
 * class as the session log last saw it is shown until the first read arrives.
 */
final class DashboardRefresh {
    /** Refreshes back off up to this after repeated failures (throttling, network). */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    static final Duration STEP = Duration.ofSeconds(10);

    /** Hours in an average month: what a refresh left running all month costs. */
    static final double HOURS_PER_MONTH = 730;

    private final ViewContext context;
    private final StatusFeed feed;
    private final DashboardModel model;
    private Duration interval;

    /** A faster interval whose cost was shown; the same key again switches to it. */
    private Duration proposed;

    private int failures;
    private boolean fetching;
    private boolean restoreTried;

    DashboardRefresh(ViewContext context, StatusFeed feed, DashboardModel model, Duration every) {
        this.context = context;
        this.feed = feed;
        this.model = model;
        this.interval = every;
    }

    Duration interval() {
        return interval;
    }

    /** The wait before the next read: the interval, or longer after failed reads. */
    Duration next() {
        return refreshAfter(interval, failures);
    }

    /**
     * The wait after {@code failures} failed refreshes in a row: doubling per failure, six times at
     * most, and never past {@link #MAX_BACKOFF}.
     */
    static Duration refreshAfter(Duration interval, int failures) {
        if (failures == 0) {
            return interval;
        }
        Duration backedOff = new Backoff(interval, interval.multipliedBy(64)).delay(failures);
        return backedOff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backedOff;
    }

    void poll() {
        if (!restoreTried) {
            restoreTried = true;
            context.fetch(
                    "restore the class from the session log",
                    feed::restored,
                    restored -> restored.ifPresent(this::restored),
                    error -> context.status("session log not read: " + error.reason(), Tone.WARN));
        }
        if (fetching) {
            return;
        }
        fetching = true;
        context.fetch("status snapshot", feed::snapshot, this::applied, this::failed);
    }

    /** The session log's class, unless a read came first. */
    private void restored(StatusSnapshot snapshot) {
        if (model.snapshot().isEmpty()) {
            model.apply(snapshot);
            context.status(String.join("; ", snapshot.problems()), Tone.INFO);
        }
    }

    private void applied(StatusSnapshot snapshot) {
        fetching = false;
        boolean recovered = failures > 0;
        failures = 0;
        model.apply(snapshot);
        if (!snapshot.problems().isEmpty()) {
            context.status(String.join("; ", snapshot.problems()), Tone.WARN);
        } else if (recovered) {
            context.status("refreshed", Tone.DIM);
        }
    }

    private void failed(Problem error) {
        fetching = false;
        failures++;
        context.status(
                "refresh failed (next try in "
                        + next().toSeconds()
                        + " s): "
                        + error.reasonAndHint(),
                Tone.BAD);
    }

    /** The leader pressed refresh: read the session's facts again too, at the next turn. */
    void now() {
        feed.refreshFacts();
        context.pollNow();
    }

    void slower() {
        proposed = null;
        interval = interval.plus(STEP);
        context.status("refresh " + cost(interval), Tone.INFO);
    }

    /**
     * A faster refresh costs more GetMetricData: the first press shows what, for this class, and
     * the second switches.
     */
    void faster() {
        Duration floor = ConsoleOptions.minimumRefresh(context.sandbox());
        Duration next = interval.minus(STEP);
        next = next.compareTo(floor) < 0 ? floor : next;
        if (next.equals(interval)) {
            proposed = null;
            context.status(
                    "refresh every "
                            + interval.toSeconds()
                            + " s is the fastest: the metrics are read per 10 s",
                    Tone.INFO);
        } else if (next.equals(proposed)) {
            proposed = null;
            interval = next;
            context.status("refresh " + cost(interval), Tone.INFO);
        } else {
            proposed = next;
            context.status("refresh " + cost(next) + ": press - again", Tone.WARN);
        }
    }

    /** "every 10 s: ~$0.175/h (~$128/month) in CloudWatch", short enough for 80 columns. */
    private String cost(Duration every) {
        double perHour = feed.costPerHour(model.total(), every);
        return String.format(
                Locale.ROOT,
                "every %d s: ~$%.3f/h (~$%.0f/month) in CloudWatch%s",
                every.toSeconds(),
                perHour,
                perHour * HOURS_PER_MONTH,
                context.sandbox() ? " on AWS" : "");
    }
}
