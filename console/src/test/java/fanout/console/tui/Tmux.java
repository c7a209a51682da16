package fanout.console.tui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A private tmux server (its own socket) with one window, driven like a leader at a keyboard. */
final class Tmux implements AutoCloseable {
    private final String socket;

    Tmux(String socket) {
        this.socket = socket;
    }

    static boolean available() {
        try {
            return new ProcessBuilder("tmux", "-V").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void start(int columns, int rows, String shellCommand) {
        run(
                "new-session",
                "-d",
                "-s",
                "main",
                "-x",
                String.valueOf(columns),
                "-y",
                String.valueOf(rows),
                shellCommand);
    }

    void keys(String... keys) {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "main"));
        args.addAll(List.of(keys));
        run(args.toArray(new String[0]));
    }

    /** Types text literally (no key-name lookup). */
    void type(String text) {
        run("send-keys", "-t", "main", "-l", text);
    }

    void resize(int columns, int rows) {
        run(
                "resize-window",
                "-t",
                "main",
                "-x",
                String.valueOf(columns),
                "-y",
                String.valueOf(rows));
    }

    String screen() {
        return run("capture-pane", "-p", "-t", "main");
    }

    /** The screen with its escape sequences (colours). */
    String screenWithEscapes() {
        return run("capture-pane", "-p", "-e", "-t", "main");
    }

    private String run(String... args) {
        List<String> command = new ArrayList<>(List.of("tmux", "-u", "-L", socket));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(
                        "tmux " + String.join(" ", args) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            run("kill-server");
        } catch (RuntimeException e) {
            // The server is already gone (everything in it exited): nothing left to stop.
        }
    }
}
