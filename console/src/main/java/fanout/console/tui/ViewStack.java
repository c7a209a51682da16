package fanout.console.tui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The open views, newest on top, and when the top one was last polled: only the visible view polls,
 * and a view coming on top polls at once.
 */
final class ViewStack {
    private final Deque<View> views = new ArrayDeque<>();
    private final Clock clock;
    private Instant lastPoll;

    ViewStack(Clock clock) {
        this.clock = clock;
    }

    View top() {
        return views.peek();
    }

    boolean canGoBack() {
        return views.size() > 1;
    }

    void push(View view) {
        views.push(view);
        lastPoll = null;
    }

    /** Closes the top view unless it is the last one; true when one was closed. */
    boolean pop() {
        if (!canGoBack()) {
            return false;
        }
        views.pop();
        lastPoll = null;
        return true;
    }

    void pollNow() {
        lastPoll = null;
    }

    void pollIfDue() {
        View top = top();
        Optional<Duration> every = top.pollInterval();
        if (every.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        // The interval is read at every turn, so a view that backs off after a failure is
        // honoured from its last poll on.
        if (lastPoll == null || !now.isBefore(lastPoll.plus(every.get()))) {
            lastPoll = now;
            top.poll();
        }
    }
}
