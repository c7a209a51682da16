package fanout.console.hook;

import fanout.console.Session;
import fanout.console.cli.SourceOptions;
import fanout.console.cli.Verb;
import fanout.time.Sleeper;
import java.io.PrintWriter;
import picocli.CommandLine.Mixin;

/** Shared body of {@code pause} and {@code resume}: they differ only in the state they set. */
abstract class HookSwitchCommand extends Verb implements Runnable {
    @Mixin SourceOptions source;

    /** Replaced by tests (which record the waits instead of sleeping) and by the sandbox. */
    public Sleeper sleeper = Sleeper.SYSTEM;

    /** The state the command gives the event source mapping. */
    private final boolean enabled;

    HookSwitchCommand(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void run() {
        Session session = invocation.session();
        String sourceArn = source.resolve(session);
        PrintWriter out = invocation.out();
        Hook hook =
                new HookService(session.aws(), sleeper)
                        .setEnabled(
                                session.functionName(), sourceArn, enabled, invocation.progress());
        out.println(
                (enabled ? "Resumed" : "Paused")
                        + ": mapping "
                        + hook.uuid()
                        + " on "
                        + sourceArn
                        + " is "
                        + hook.state());
        out.flush();
    }
}
