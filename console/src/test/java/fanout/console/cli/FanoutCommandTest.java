package fanout.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.console.GlobalOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class FanoutCommandTest {

    @Command(name = "probe-options")
    static final class OptionsProbe implements Runnable {
        @Mixin Invocation invocation;
        GlobalOptions seen;

        @Override
        public void run() {
            seen = invocation.options();
        }
    }

    @Test
    void globalOptionsWorkBeforeAndAfterTheVerb() {
        for (String[] args :
                new String[][] {
                    {
                        "--region",
                        "eu-west-1",
                        "--output",
                        "json",
                        "probe-options",
                        "--function",
                        "f2"
                    },
                    {
                        "probe-options",
                        "--region",
                        "eu-west-1",
                        "--output",
                        "JSON",
                        "--function",
                        "f2"
                    }
                }) {
            OptionsProbe probe = new OptionsProbe();
            CommandLine cli =
                    Cli.create(
                            options -> {
                                throw new AssertionError("no session needed");
                            });
            cli.addSubcommand(probe);
            // Settings apply to the subcommands present when they are set.
            cli.setCaseInsensitiveEnumValuesAllowed(true);
            assertThat(cli.execute(args)).isZero();
            assertThat(probe.seen.region()).contains("eu-west-1");
            assertThat(probe.seen.output()).isEqualTo(OutputFormat.json);
            assertThat(probe.seen.function()).isEqualTo("f2");
            assertThat(probe.seen.workshop()).isEqualTo("hello-retail");
        }
    }

    @Test
    void unknownOptionIsAUsageErrorNamingTheOption() {
        CommandLine cli = Cli.create(options -> null);
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("--regoin", "x")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--regoin").contains("--region").contains("--help");
        assertThat(err.toString()).doesNotContain("Usage:");
    }

    @Test
    void fanoutExceptionsBecomeTheirExitCodeWithoutAStackTrace() {
        @Command(name = "boom")
        class Boom implements Runnable {
            @Override
            public void run() {
                throw FanoutException.partial("2 rows rejected");
            }
        }
        CommandLine cli = Cli.create(options -> null);
        cli.addSubcommand(new Boom());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("boom")).isEqualTo(ExitCodes.PARTIAL);
        assertThat(err.toString()).contains("2 rows rejected").doesNotContain("at fanout.");
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreNeutralised() {
        assertThat(Output.csvCell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Output.csvCell("-1")).isEqualTo("'-1");
        assertThat(Output.csvCell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Output.csvCell("plain")).isEqualTo("plain");
    }
}
