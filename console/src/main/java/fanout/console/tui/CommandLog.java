package fanout.console.tui;

import fanout.console.aws.AwsCall;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Every AWS (or service) call the console made, newest last, bounded so a long class does not fill
 * memory. Thread-safe: calls are recorded from background threads and the session's recorded
 * clients.
 */
public final class CommandLog {
    /** Enough for a whole class at a 30 s refresh without unbounded growth. */
    public static final int CAPACITY = 2000;

    private final Deque<AwsCall> calls = new ArrayDeque<>();
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

    /**
     * A call the session's clients reported, or a console service call (service {@code fanout}).
     */
    public synchronized void record(AwsCall call) {
        calls.addLast(call);
        while (calls.size() > capacity) {
            calls.removeFirst();
        }
    }

    public synchronized List<AwsCall> calls() {
        return List.copyOf(calls);
    }
}
