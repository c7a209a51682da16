package fanout.console.tui.dashboard;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Copies a fix out of the console: always to a file under {@code .fanout/} (works everywhere, and a
 * policy can be passed to {@code aws ... file://}), and to the terminal's clipboard with an OSC 52
 * escape when the console runs on a terminal (tmux needs {@code set-clipboard on}).
 */
public final class FixCopy {
    private final Path directory;
    private final Consumer<String> terminal;

    /**
     * @param terminal where raw escape sequences go, or a no-op when there is no terminal
     */
    public FixCopy(Path directory, Consumer<String> terminal) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.terminal = Objects.requireNonNull(terminal, "terminal");
    }

    /** Under {@code <working directory>/.fanout}, with OSC 52 to the controlling terminal. */
    public static FixCopy standard(Path workingDirectory) {
        Path tty = Path.of("/dev/tty");
        boolean terminal = System.console() != null && Files.isWritable(tty);
        return new FixCopy(
                workingDirectory.resolve(".fanout"),
                terminal ? sequence -> write(tty, sequence) : sequence -> {});
    }

    /** Writes {@code text} to {@code fix-<id>.txt} and the clipboard; returns the file. */
    public Path copy(String id, String text) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("fix-" + id.replaceAll("[^A-Za-z0-9_-]", "_") + ".txt");
        Files.writeString(file, text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8);
        terminal.accept(osc52(text));
        return file;
    }

    /** Set the clipboard ("c") to the text, base64 encoded, as xterm, iTerm2 and tmux read it. */
    static String osc52(String text) {
        return "\u001b]52;c;"
                + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
                + "\u0007";
    }

    private static void write(Path tty, String sequence) {
        try (OutputStream out = Files.newOutputStream(tty)) {
            out.write(sequence.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // The file copy is what the status line names; a terminal that refuses OSC 52
            // only loses the convenience.
        }
    }
}
