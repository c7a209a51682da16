package fanout.console.tui;

import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import fanout.console.Session;
import fanout.console.aws.RecordedClients;
import fanout.console.tui.service.SessionPorts;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs the console on a terminal until the leader quits, and always gives the terminal back: on
 * return, on an exception, on an uncaught exception in another thread, and on JVM shutdown.
 */
public final class ConsoleApp {
    /** How long the loop rests when nothing happened: short enough that typing feels instant. */
    static final Duration IDLE = Duration.ofMillis(30);

    /** Background threads for service calls, so a slow refresh never blocks typing. */
    static final int BACKGROUND_THREADS = 3;

    private ConsoleApp() {}

    /** A text terminal (never a Swing window) with ctrl-c and ctrl-z delivered as keys. */
    public static Terminal textTerminal() throws IOException {
        Terminal terminal =
                new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8)
                        .setForceTextTerminal(true)
                        .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP)
                        .createTerminal();
        if (terminal instanceof UnixLikeTerminal) {
            keepCtrlZ();
        }
        return terminal;
    }

    /**
     * Lanterna's trap frees ctrl-c only; ctrl-z would still suspend the JVM mid-screen. Lanterna
     * saved the terminal settings before this and restores all of them on close, so this needs no
     * undo of its own.
     */
    private static void keepCtrlZ() throws IOException {
        Process stty =
                new ProcessBuilder("stty", "susp", "undef")
                        .redirectInput(new java.io.File("/dev/tty"))
                        .redirectErrorStream(true)
                        .start();
        try {
            if (stty.waitFor() != 0) {
                throw new IOException(
                        "stty susp undef failed: "
                                + new String(
                                        stty.getInputStream().readAllBytes(),
                                        StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting up the terminal", e);
        }
    }

    /** The console against the session's installation (AWS or sandbox), as `fanout tui` runs it. */
    public static int run(
            Session session, Terminal terminal, ConsoleOptions options, PrintStream err) {
        CommandLog log = new CommandLog();
        // Every view's calls go through these clients, the sandbox's in-memory services included.
        Session recorded =
                new Session(
                        session.options(),
                        session.workshop(),
                        new RecordedClients(session.aws(), log::record, Clock.systemUTC()),
                        session.clock(),
                        session.sandbox());
        ConsolePorts ports = SessionPorts.from(recorded, Path.of("").toAbsolutePath());
        return run(
                ports,
                terminal,
                options,
                Palette.fromEnvironment(System.getenv()),
                Clock.systemUTC(),
                log,
                err);
    }

    public static int run(
            ConsolePorts ports,
            Terminal terminal,
            ConsoleOptions options,
            Palette palette,
            Clock clock,
            CommandLog log,
            PrintStream err) {
        ExecutorService background =
                Executors.newFixedThreadPool(
                        BACKGROUND_THREADS,
                        task -> {
                            Thread thread = new Thread(task, "fanout-tui-worker");
                            thread.setDaemon(true);
                            return thread;
                        });
        Restorer restorer = new Restorer(terminal);
        Thread hook = new Thread(restorer::restore, "fanout-tui-restore");
        Runtime.getRuntime().addShutdownHook(hook);
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(
                (thread, error) -> {
                    restorer.restore();
                    err.println("error: unexpected " + error);
                });
        try {
            TerminalScreen screen = restorer.start();
            Console console =
                    new Console(
                            screen,
                            Views.standard(ports, options),
                            options,
                            palette,
                            clock,
                            background,
                            log,
                            ports.problems());
            console.runUntilQuit(IDLE);
            return 0;
        } catch (IOException | RuntimeException e) {
            restorer.restore();
            err.println("error: the console stopped: " + e);
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            restorer.restore();
            background.shutdownNow();
            Thread.setDefaultUncaughtExceptionHandler(previous);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: the hook has run or will run; nothing to undo.
            }
        }
    }

    /** Starts the screen and gives the terminal back exactly once. */
    private static final class Restorer {
        private final Terminal terminal;
        private final AtomicBoolean restored = new AtomicBoolean();
        private TerminalScreen screen;

        Restorer(Terminal terminal) {
            this.terminal = terminal;
        }

        synchronized TerminalScreen start() throws IOException {
            screen = new TerminalScreen(terminal);
            screen.startScreen();
            return screen;
        }

        void restore() {
            if (!restored.compareAndSet(false, true)) {
                return;
            }
            try {
                if (screen != null) {
                    screen.stopScreen();
                }
                terminal.close();
            } catch (IOException | RuntimeException e) {
                // Best effort: the process is leaving either way and a second failure has nothing
                // to add.
            }
        }
    }
}
