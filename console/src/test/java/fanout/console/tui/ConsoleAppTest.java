package fanout.console.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminalListener;
import fanout.console.tui.service.ServiceProblems;
import fanout.testing.ManualClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ConsoleAppTest {

    private static ConsolePorts ports() {
        return new ConsolePorts(
                Fakes.connection(false),
                new FakeSetupSteps(),
                new FakeRosterImport(),
                new FakeHandoutSource(),
                new FakeStatusFeed(),
                new FakeBulkActions(),
                Path.of("."),
                ServiceProblems::explain);
    }

    @Test
    void quittingReturnsZeroAndGivesTheTerminalBack() {
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(80, 24));
        AtomicBoolean closed = new AtomicBoolean();
        terminal.addVirtualTerminalListener(
                new VirtualTerminalListener() {
                    @Override
                    public void onFlush() {}

                    @Override
                    public void onBell() {}

                    @Override
                    public void onClose() {
                        closed.set(true);
                    }

                    @Override
                    public void onResized(
                            com.googlecode.lanterna.terminal.Terminal t, TerminalSize size) {}
                });
        terminal.addInput(new KeyStroke('q', false, false));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit =
                ConsoleApp.run(
                        ports(),
                        terminal,
                        ConsoleOptions.defaults(false),
                        Palette.colour(),
                        new ManualClock(Fakes.NOW),
                        new CommandLog(),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        assertThat(closed).as("terminal closed, so its settings are restored").isTrue();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aViewThatFailsToDrawShowsTheErrorInsteadOfCrashing() {
        ConsoleHarness harness = ConsoleHarness.open("connect");
        harness.console.push(
                new View() {
                    @Override
                    public String title() {
                        return "Broken";
                    }

                    @Override
                    public java.util.List<KeyBinding> bindings() {
                        return java.util.List.of();
                    }

                    @Override
                    public void render(Canvas canvas) {
                        throw new IllegalStateException("no rows");
                    }
                });
        harness.step();
        assertThat(harness.text())
                .contains(
                        "internal error drawing Broken: java.lang.IllegalStateException: no rows");
        harness.type("q");
        assertThat(harness.console.quitting()).isTrue();
    }
}
