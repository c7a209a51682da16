package fanout.console;

import fanout.console.cli.Cli;
import fanout.console.sandbox.SandboxDirectory;
import fanout.console.sandbox.SandboxForwarder;

/** Entry point of the console jar. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (SandboxForwarder.requested(args)) {
            // `--sandbox`: the command runs inside the sandbox process, against its services.
            System.exit(
                    Cli.forwardToSandbox(
                            new SandboxForwarder(SandboxDirectory.inWorkingDirectory()),
                            args,
                            System.out,
                            System.err));
        }
        System.exit(Cli.standard().execute(args));
    }
}
