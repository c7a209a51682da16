package fanout.console.tui;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * What the console offers its views. Every method is called on the GUI thread, and every callback
 * it takes runs on the GUI thread, so views never lock.
 */
public interface ViewContext {
    Clock clock();

    Palette palette();

    boolean readOnly();

    boolean sandbox();

    CommandLog log();

    /**
     * Runs {@code work} on the background executor, then {@code done} or {@code failed} on the GUI
     * thread; the service call is recorded in the command log as {@code what}.
     */
    <T> void fetch(String what, Callable<T> work, Consumer<T> done, Consumer<Problem> failed);

    /** Runs a piece of work on the GUI thread at the next turn of the loop (thread-safe). */
    void post(Runnable work);

    void push(View view);

    /** Opens a registered view by name; false when there is no such view. */
    boolean open(String name);

    /** Closes the top view (never the last). */
    void back();

    /** A one-line message in the status line. */
    void status(String message, Tone tone);

    /**
     * Asks before running {@code action}: the leader must type {@code word} (e.g. {@code y}, or the
     * action's name for dangerous ones) and press enter.
     */
    void confirm(String question, String word, Runnable action);

    /** A one-line text entry in the status line. */
    void prompt(String label, String initial, Consumer<String> submit);

    /** Polls the top view at the next turn instead of waiting for its interval. */
    void pollNow();

    /** What ctrl-c does while a long step runs; {@code null} when nothing runs. */
    void onInterrupt(Runnable cancel);
}
