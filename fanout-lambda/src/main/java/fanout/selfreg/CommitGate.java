package fanout.selfreg;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides, once, between "the request writes and answers now" and "the request answered 'checking'
 * and is redone later": whichever side gets here first wins, so a request is never written twice
 * nor answered twice.
 */
public final class CommitGate {
    private static final int OPEN = 0;
    private static final int COMMITTED = 1;
    private static final int ABANDONED = 2;

    private final AtomicInteger state = new AtomicInteger(OPEN);

    /** A gate for work that nobody waits for (the late path): it always commits. */
    public static CommitGate open() {
        return new CommitGate();
    }

    /** The work is about to write: true unless the request was already handed on. */
    public boolean commit() {
        return state.compareAndSet(OPEN, COMMITTED) || state.get() == COMMITTED;
    }

    /** The answer budget ran out: true unless the work already started writing. */
    public boolean abandon() {
        return state.compareAndSet(OPEN, ABANDONED) || state.get() == ABANDONED;
    }
}
