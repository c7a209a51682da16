package fanout.console.tui;

import fanout.console.aws.AwsCall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Every AWS (or service) call the console made, newest last, bounded so a long class does not fill
 * memory. Thread-safe: calls are recorded from background threads and the session's recorded
 * clients.
 */
public final class CommandLog {
    /** Enough for a whole class at a 30 s refresh without unbounded growth. */
    public static final int CAPACITY = 2000;

    /** One call: what was called, how it ended, how long it took. */
    public record Call(
            Instant at, String service, String operation, String outcome, Duration took) {
        public Call {
            Objects.requireNonNull(at, "at is required");
            Objects.requireNonNull(service, "service is required");
            Objects.requireNonNull(operation, "operation is required");
            Objects.requireNonNull(outcome, "outcome is required");
            Objects.requireNonNull(took, "took is required");
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

    /** An AWS call a session's clients reported. */
    public void record(AwsCall call) {
        record(new Call(call.at(), call.service(), call.operation(), call.outcome(), call.took()));
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
