package fanout.console.tui;

import fanout.check.Required;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Every AWS (or service) call the console made, newest last, bounded so a long class does not fill
 * memory. Thread-safe: calls are recorded from background threads and SDK interceptors.
 */
public final class CommandLog {
    /** Enough for a whole class at a 30 s refresh without unbounded growth. */
    public static final int CAPACITY = 2000;

    /** One call: what was called, how it ended, how long it took. */
    public record Call(
            Instant at, String service, String operation, String outcome, Duration took) {
        public Call {
            Required.all(
                    "at, service, operation, outcome, took", at, service, operation, outcome, took);
        }

        public boolean ok() {
            return outcome.equals("ok");
        }
    }

    private final Deque<Call> calls = new ArrayDeque<>();
    private final int capacity;

    public CommandLog() {
        this(CAPACITY);
    }

    public CommandLog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    public synchronized void record(Call call) {
        calls.addLast(call);
        while (calls.size() > capacity) {
            calls.removeFirst();
        }
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }
}
