package fanout.console;

import fanout.console.cli.Cli;

/** Entry point of the console jar. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(Cli.standard().execute(args));
    }
}
