package fanout.console.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fanout.console.problem.AwsAccessException;
import fanout.console.problem.BadInputException;
import fanout.console.problem.OperationFailedException;
import fanout.console.problem.PartlyAppliedException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ExitCodesTest {

    @Test
    void eachKindOfProblemHasTheExitCodeTheHelpPromises() {
        assertThat(ExitCodes.of(new BadInputException("x"))).isEqualTo(2);
        assertThat(ExitCodes.of(new AwsAccessException("x"))).isEqualTo(3);
        assertThat(ExitCodes.of(new PartlyAppliedException("x"))).isEqualTo(4);
        assertThat(ExitCodes.of(new OperationFailedException("x"))).isEqualTo(1);
    }

    @Test
    void aProblemThrownBelowACommandBecomesItsExitCodeAndMessageWithoutAStackTrace() {
        @Command(name = "boom")
        class Boom implements Runnable {
            @Override
            public void run() {
                throw new AwsAccessException("table t does not exist: run `fanout deploy`");
            }
        }
        CommandLine cli = Cli.create(options -> null);
        cli.addSubcommand(new Boom());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));

        assertThat(cli.execute("boom")).isEqualTo(ExitCodes.AWS);
        assertThat(err.toString())
                .isEqualTo("error: table t does not exist: run `fanout deploy`\n");
    }
}
