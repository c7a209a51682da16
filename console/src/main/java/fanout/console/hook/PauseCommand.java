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
 * {@code pause}: Pause the hook on the source stream (disable the mapping): records wait in the
 * stream.
 */
@Command(
        name = "pause",
        mixinStandardHelpOptions = true,
        description =
                "Pause the hook on the source stream (disable the mapping): records wait in the stream.",
        footerHeading = "%n",
        footer = ExitCodes.HELP_SECTION)
public final class PauseCommand implements Runnable {
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
                                false,
                                message -> {
                                    out.println("  " + message);
                                    out.flush();
                                });
        out.println("Paused: mapping " + hook.uuid() + " on " + sourceArn + " is " + hook.state());
        out.flush();
    }
}
