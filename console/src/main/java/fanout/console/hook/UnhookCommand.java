package fanout.console.hook;

import fanout.console.Session;
import fanout.console.cli.ExitCodes;
import fanout.console.cli.FanoutException;
import fanout.console.cli.SourceOptions;
import fanout.console.cli.TypedConfirmation;
import fanout.console.cli.Verb;
import fanout.time.Sleeper;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code unhook}: the function stops reading the source stream. */
@Command(
        name = "unhook",
        description =
                "Remove the function's hook on the source stream and its read grant. Asks you to"
                        + " type 'unhook' first (--yes skips it; without a terminal --yes is needed).")
public final class UnhookCommand extends Verb implements Runnable {
    @Mixin SourceOptions source;

    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    /** Replaced by tests (which record the waits instead of sleeping) and by the sandbox. */
    public Sleeper sleeper = Sleeper.SYSTEM;

    /** Whether a person can answer a prompt; replaced by tests. */
    BooleanSupplier interactive = () -> System.console() != null;

    @Override
    public void run() {
        Session session = invocation.session();
        String sourceArn = source.resolve(session);
        PrintWriter out = invocation.out();
        HookService service = new HookService(session.aws(), sleeper);
        if (!yes) {
            confirm(out, sourceArn);
        }
        Optional<Hook> removed =
                service.unhook(session.functionName(), sourceArn, invocation.progress());
        out.println(
                removed.map(h -> "Unhooked: removed mapping " + h.uuid() + " on " + sourceArn)
                        .orElse("Not hooked to " + sourceArn + ": nothing to remove."));
        out.flush();
    }

    private void confirm(PrintWriter out, String sourceArn) {
        if (!interactive.getAsBoolean()) {
            throw FanoutException.usage("unhook needs --yes when standard input is not a terminal");
        }
        if (!TypedConfirmation.typed(
                out,
                "Stop forwarding " + sourceArn + " to the class? Type 'unhook' to confirm: ",
                "unhook")) {
            throw new FanoutException(ExitCodes.FAILURE, "not confirmed: nothing changed");
        }
    }
}
