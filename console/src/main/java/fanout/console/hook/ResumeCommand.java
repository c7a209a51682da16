package fanout.console.hook;

import fanout.console.Session;
import fanout.console.cli.ExitCodes;
import fanout.console.cli.FanoutCommand;
import fanout.console.cli.SourceOptions;
import fanout.console.deploy.Sleeper;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code resume}: Resume a paused hook (enable the mapping): forwarding continues where it stopped.
 */
@Command(
        name = "resume",
        mixinStandardHelpOptions = true,
        description =
                "Resume a paused hook (enable the mapping): forwarding continues where it stopped.",
        footerHeading = "%n",
        footer = ExitCodes.HELP_SECTION)
public final class ResumeCommand implements Runnable {
    @Spec CommandSpec spec;

    @Mixin SourceOptions source;

    /** Replaced by tests (which record the waits instead of sleeping) and by the sandbox. */
    public Sleeper sleeper = Sleeper.SYSTEM;

    @Override
    public void run() {
        Session session = FanoutCommand.of(spec).session();
        String sourceArn = source.resolve(session);
        PrintWriter out = spec.commandLine().getOut();
        Hook hook =
                new HookService(session.aws(), sleeper)
                        .setEnabled(
                                session.functionName(),
                                sourceArn,
                                true,
                                message -> {
                                    out.println("  " + message);
                                    out.flush();
                                });
        out.println("Resumed: mapping " + hook.uuid() + " on " + sourceArn + " is " + hook.state());
        out.flush();
    }
}
