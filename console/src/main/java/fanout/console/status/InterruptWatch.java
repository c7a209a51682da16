package fanout.console.status;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C during {@code status --watch}: ends the loop instead of killing the JVM, so the command
 * finishes its line and exits 0. The previous handler comes back on close.
 */
final class InterruptWatch implements AutoCloseable {
    private static final String SIGINT = "INT";

    private final Thread watcher;
    private volatile boolean interrupted;
    private SignalHandler previous;

    InterruptWatch(Thread watcher) {
        this.watcher = watcher;
        try {
            previous = Signal.handle(new Signal(SIGINT), signal -> stop());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // No SIGINT on this platform (or the JVM reserves it): Ctrl-C then ends the JVM
            // the usual way, which is still clean, only with exit code 130.
            previous = null;
        }
    }

    boolean interrupted() {
        return interrupted;
    }

    void stop() {
        interrupted = true;
        watcher.interrupt();
    }

    @Override
    public void close() {
        if (previous != null) {
            Signal.handle(new Signal(SIGINT), previous);
        }
    }
}
