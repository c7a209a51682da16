package fanout.console.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.List;

/**
 * What one key does, in order: end of input quits; ctrl-c cancels the running step, else closes the
 * prompt, else quits; an open prompt takes every other key; then the top view's raw input, its
 * bindings and the global ones. Read-only refuses the dangerous bindings here, in one place.
 */
final class KeyDispatch {
    private final Console console;
    private final PromptLine prompt;
    private Runnable interrupt;

    KeyDispatch(Console console, PromptLine prompt) {
        this.console = console;
        this.prompt = prompt;
    }

    /** What ctrl-c does while a long step runs; {@code null} when nothing runs. */
    void onInterrupt(Runnable cancel) {
        interrupt = cancel;
    }

    void handleSafely(KeyStroke key) {
        try {
            handle(key);
        } catch (RuntimeException e) {
            // A bug in one view must not take the terminal down with it.
            console.status("internal error: " + e, Tone.BAD);
        }
    }

    private void handle(KeyStroke key) {
        if (key.getKeyType() == KeyType.EOF) {
            console.quit();
            return;
        }
        if (Key.ctrl('c').matches(key)) {
            interrupted();
            return;
        }
        if (prompt.isOpen()) {
            prompt.handle(key);
            return;
        }
        View top = console.top();
        if (top.handleInput(key)) {
            return;
        }
        for (KeyBinding binding : allBindings(top)) {
            if (binding.key().matches(key)) {
                run(binding);
                return;
            }
        }
    }

    private void interrupted() {
        if (interrupt != null) {
            Runnable cancel = interrupt;
            interrupt = null;
            cancel.run();
        } else if (prompt.isOpen()) {
            prompt.close();
        } else {
            console.quit();
        }
    }

    private void run(KeyBinding binding) {
        if (!binding.allowed(console.readOnly())) {
            console.status("read-only: refused to " + binding.help(), Tone.BAD);
            return;
        }
        binding.action().run();
    }

    private List<KeyBinding> allBindings(View top) {
        List<KeyBinding> all = new ArrayList<>(top.bindings());
        all.addAll(console.globalBindings(top));
        return all;
    }
}
