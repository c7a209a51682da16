package fanout.console.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The render loop. One thread (the caller of {@link #step()}) owns the screen and every view;
 * background work comes back through {@link #post(Runnable)}. Each step drains posted work, reads
 * the keys that arrived, polls the top view if due, and draws. Tests call {@link #step()} directly
 * with a manual clock and a same-thread executor, so they need no sleeps.
 */
public final class Console implements ViewContext {
    public static final int MIN_COLUMNS = 80;
    public static final int MIN_ROWS = 24;

    private final Screen screen;
    private final ViewRegistry registry;
    private final ConsoleOptions options;
    private final Palette palette;
    private final Clock clock;
    private final CommandLog log;
    private final ViewStack stack;
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final ConsoleFrame frame = new ConsoleFrame();
    private final GlobalKeys globalKeys;
    private final BackgroundCalls calls;
    private final PromptLine promptLine = new PromptLine();
    private final KeyDispatch keys;
    private boolean quit;

    public Console(
            Screen screen,
            ViewRegistry registry,
            ConsoleOptions options,
            Palette palette,
            Clock clock,
            Executor background,
            CommandLog log,
            Function<Throwable, Problem> problems) {
        this.screen = Objects.requireNonNull(screen, "screen");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.options = Objects.requireNonNull(options, "options");
        this.palette = Objects.requireNonNull(palette, "palette");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.log = Objects.requireNonNull(log, "log");
        this.stack = new ViewStack(clock);
        this.globalKeys = new GlobalKeys(this, registry);
        this.keys = new KeyDispatch(this, promptLine);
        this.calls =
                new BackgroundCalls(
                        Objects.requireNonNull(background, "background"),
                        clock,
                        log,
                        this::post,
                        Objects.requireNonNull(problems, "problems"));
    }

    /** Opens the first view; call once before stepping. */
    public void start() {
        if (!open(options.firstView())) {
            throw new IllegalArgumentException("no view named " + options.firstView());
        }
    }

    /** One turn of the loop; false once the leader quit. */
    public boolean step() throws IOException {
        drainInbox();
        KeyStroke key;
        while (!quit && (key = screen.pollInput()) != null) {
            keys.handleSafely(key);
            drainInbox();
        }
        if (!quit) {
            stack.pollIfDue();
            drainInbox();
            render();
        }
        return !quit;
    }

    /** Steps until the leader quits, resting briefly when nothing happened. */
    public void runUntilQuit(Duration idle) throws IOException, InterruptedException {
        start();
        while (step()) {
            Thread.sleep(idle.toMillis());
        }
    }

    public View top() {
        return stack.top();
    }

    public boolean quitting() {
        return quit;
    }

    private void drainInbox() {
        Runnable work;
        while ((work = inbox.poll()) != null) {
            try {
                work.run();
            } catch (RuntimeException e) {
                status("internal error: " + e, Tone.BAD);
            }
        }
    }

    /** The keys every view has (k9s conventions). */
    List<KeyBinding> globalBindings(View top) {
        return globalKeys.bindings(top, stack.canGoBack());
    }

    /** Opens a text entry in the status line; {@code submit} gets the text on enter. */
    void edit(LineEditor lineEditor, Consumer<String> submit) {
        promptLine.open(lineEditor, submit);
    }

    void quit() {
        quit = true;
    }

    private void render() throws IOException {
        TerminalSize size = screen.doResizeIfNecessary();
        if (size != null) {
            screen.clear();
        }
        frame.draw(screen, this, promptLine.editor());
    }

    // ViewContext

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Palette palette() {
        return palette;
    }

    @Override
    public boolean readOnly() {
        return options.readOnly();
    }

    @Override
    public boolean sandbox() {
        return options.sandbox();
    }

    public ConsoleOptions options() {
        return options;
    }

    @Override
    public CommandLog log() {
        return log;
    }

    @Override
    public <T> void fetch(
            String what, Callable<T> work, Consumer<T> done, Consumer<Problem> failed) {
        calls.fetch(what, work, done, failed);
    }

    @Override
    public void post(Runnable work) {
        inbox.add(work);
    }

    @Override
    public void push(View view) {
        stack.push(view);
        frame.status("", Tone.DIM);
        view.shown();
    }

    @Override
    public boolean open(String name) {
        Optional<ViewRegistry.Entry> entry = registry.find(name);
        entry.ifPresent(found -> push(found.factory().apply(this)));
        return entry.isPresent();
    }

    @Override
    public void back() {
        if (stack.pop()) {
            frame.status("", Tone.DIM);
            top().shown();
        }
    }

    @Override
    public void status(String message, Tone tone) {
        frame.status(message, tone);
    }

    @Override
    public void confirm(String question, String word, Runnable action) {
        promptLine.open(
                new LineEditor(
                        question + " (type " + word + " + enter, esc cancels): ", "", null, null),
                typed -> {
                    if (typed.trim().equalsIgnoreCase(word)) {
                        action.run();
                    } else {
                        status("cancelled", Tone.DIM);
                    }
                });
    }

    @Override
    public void prompt(String label, String initial, Consumer<String> submit) {
        promptLine.open(new LineEditor(label, initial, null, null), submit);
    }

    @Override
    public void pollNow() {
        stack.pollNow();
    }

    @Override
    public void onInterrupt(Runnable cancel) {
        keys.onInterrupt(cancel);
    }
}
