package fanout.console.tui;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.console.cli.Cli;
import fanout.console.cli.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TuiCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli =
                Cli.create(
                        options -> {
                            throw new AssertionError("no session may be opened without a terminal");
                        });
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void tuiIsAVerbWithReadOnlyRefreshAndView() {
        assertThat(run("tui", "--help")).isZero();
        assertThat(out.toString()).contains("--read-only").contains("--refresh").contains("--view");
    }

    @Test
    void aRefreshBelowTheFloorIsAUsageErrorNamingTheFloor() {
        assertThat(run("tui", "--refresh", "5")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--refresh must be at least 10 seconds");
    }

    @Test
    void anUnknownFirstViewIsAUsageErrorListingTheViews() {
        assertThat(run("tui", "--view", "nope")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--view nope is not a view; use one of connect, setup");
    }

    @Test
    void withoutATerminalItSaysSoInsteadOfDrawingIntoAPipe() {
        assertThat(run("tui", "--read-only")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("tui needs a terminal");
    }
}
