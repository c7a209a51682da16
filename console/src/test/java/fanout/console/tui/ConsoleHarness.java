package fanout.console.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import fanout.console.tui.service.ServiceProblems;
import fanout.console.tui.setup.ConnectionProbe;
import fanout.console.tui.setup.Step;
import fanout.console.tui.setup.StepStatus;
import fanout.testing.ManualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The console on a virtual terminal with fake ports, a manual clock and background work run on the
 * calling thread (or queued, when a test wants to see the screen while work is in flight).
 */
public final class ConsoleHarness {
    public final DefaultVirtualTerminal terminal;
    public final ManualClock clock = new ManualClock(Fakes.NOW);
    public final FakeStatusFeed status = new FakeStatusFeed();
    public final FakeBulkActions bulk = new FakeBulkActions();
    public final FakeSetupSteps setup = new FakeSetupSteps();
    public final FakeRosterImport roster = new FakeRosterImport();
    public final FakeHandoutSource handouts = new FakeHandoutSource();
    public final CommandLog log = new CommandLog();

    /** Background work not yet run, when {@link #deferBackground} is on. */
    public final List<Runnable> pending = new ArrayList<>();

    public boolean deferBackground;
    public final Console console;

    public ConsoleHarness(
            int columns, int rows, ConsoleOptions options, Palette palette, Path workingDirectory) {
        this(
                columns,
                rows,
                options,
                palette,
                workingDirectory,
                Fakes.connection(options.sandbox()));
    }

    public ConsoleHarness(
            int columns,
            int rows,
            ConsoleOptions options,
            Palette palette,
            Path workingDirectory,
            ConnectionProbe connection) {
        terminal = new DefaultVirtualTerminal(new TerminalSize(columns, rows));
        // One fake installation: importing the roster or writing the handout is seen by setup.
        roster.afterApply = () -> setup.states.put(Step.ROSTER, StepStatus.State.DONE);
        handouts.afterWrite = () -> setup.states.put(Step.HANDOUT, StepStatus.State.DONE);
        try {
            TerminalScreen screen = new TerminalScreen(terminal);
            screen.startScreen();
            ConsolePorts ports =
                    new ConsolePorts(
                            connection,
                            setup,
                            roster,
                            handouts,
                            status,
                            bulk,
                            workingDirectory,
                            ServiceProblems::explain);
            Executor background =
                    work -> {
                        if (deferBackground) {
                            pending.add(work);
                        } else {
                            work.run();
                        }
                    };
            console =
                    new Console(
                            screen,
                            Views.standard(ports, options),
                            options,
                            palette,
                            clock,
                            background,
                            log,
                            ports.problems());
            console.start();
            step();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ConsoleHarness open(String view) {
        return new ConsoleHarness(
                80,
                24,
                ConsoleOptions.defaults(false).withFirstView(view),
                Palette.colour(),
                Path.of("."));
    }

    public ConsoleHarness step() {
        try {
            console.step();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Runs the background work queued so far (as if the workers finished), then steps. */
    public ConsoleHarness finishBackground() {
        while (!pending.isEmpty()) {
            pending.remove(0).run();
        }
        return step();
    }

    public ConsoleHarness type(String text) {
        for (char c : text.toCharArray()) {
            terminal.addInput(new KeyStroke(c, false, false));
        }
        return step();
    }

    public ConsoleHarness press(KeyType type) {
        terminal.addInput(new KeyStroke(type));
        return step();
    }

    public ConsoleHarness ctrl(char c) {
        terminal.addInput(new KeyStroke(c, true, false));
        return step();
    }

    public ConsoleHarness resize(int columns, int rows) {
        terminal.setTerminalSize(new TerminalSize(columns, rows));
        return step().step();
    }

    public TextCharacter at(int column, int row) {
        return terminal.getBufferCharacter(column, row);
    }

    public String row(int row) {
        StringBuilder line = new StringBuilder();
        int columns = terminal.getTerminalSize().getColumns();
        for (int column = 0; column < columns; column++) {
            line.append(at(column, row).getCharacterString());
        }
        return line.toString().stripTrailing();
    }

    /** The whole screen, one line per row, trailing spaces removed. */
    public String text() {
        StringBuilder screen = new StringBuilder();
        for (int row = 0; row < terminal.getTerminalSize().getRows(); row++) {
            screen.append(row(row)).append('\n');
        }
        return screen.toString();
    }

    /** The first row containing {@code text}, or -1. */
    public int rowOf(String text) {
        for (int row = 0; row < terminal.getTerminalSize().getRows(); row++) {
            if (row(row).contains(text)) {
                return row;
            }
        }
        return -1;
    }

    public TextColor foregroundOf(String text) {
        int row = rowOf(text);
        if (row < 0) {
            throw new AssertionError("not on screen: " + text + "\n" + text());
        }
        return at(row(row).indexOf(text), row).getForegroundColor();
    }
}
