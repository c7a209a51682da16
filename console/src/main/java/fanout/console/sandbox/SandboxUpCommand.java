package fanout.console.sandbox;

import fanout.console.cli.ExitCodes;
import fanout.console.cli.Invocation;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sandbox up}: runs the local class without a screen, in the foreground or detached. */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description =
                "Start the local class without a screen and write .fanout/sandbox.json, so that"
                        + " `./fanout --sandbox VERB ...` runs commands against it. Stays in the"
                        + " foreground until Ctrl-C or `./fanout sandbox down`, unless --detach.")
public final class SandboxUpCommand implements Callable<Integer> {
    @Mixin SandboxOptions options;

    @Option(
            names = "--detach",
            description =
                    "Start it as a background process (log: .fanout/sandbox.log) and return once it is ready.")
    boolean detach;

    @Mixin Invocation invocation;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = invocation.out();
        String workshop = invocation.options().workshop();
        SandboxDirectory directory = SandboxDirectory.inWorkingDirectory();
        if (detach) {
            return new DetachedSandbox(directory).start(options, workshop, out, invocation.err())
                    ? ExitCodes.OK
                    : ExitCodes.FAILURE;
        }
        Clock clock = Clock.systemUTC();
        SandboxLog log =
                new SandboxLog(new PrintStream(System.out, true, StandardCharsets.UTF_8), clock);
        try (SandboxHost host =
                SandboxHost.start(
                        options.settings(workshop), options.catalog(), directory, clock, log)) {
            out.println(host.describe());
            out.println("ready");
            out.flush();
            host.awaitStopRequest();
            log.accept("stopping");
        }
        return ExitCodes.OK;
    }
}
