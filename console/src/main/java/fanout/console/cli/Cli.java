package fanout.console.cli;

import fanout.console.SessionFactory;
import fanout.console.aws.AwsErrors;
import fanout.console.aws.AwsSessionFactory;
import fanout.console.problem.FanoutProblem;
import fanout.console.sandbox.SandboxForwarder;
import fanout.console.workshop.WorkshopCatalog;
import fanout.console.workshop.WorkshopException;
import fanout.localaws.LocalAws;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Builds the command line: root command, services, and the one place that maps failures to exit
 * codes.
 */
public final class Cli {
    private Cli() {}

    /** The command line against real AWS, as {@code ./fanout} runs it. */
    public static CommandLine standard() {
        return create(
                new AwsSessionFactory(new WorkshopCatalog(LocalAws.findHome()), Clock.systemUTC()));
    }

    /**
     * {@code ./fanout --sandbox ...}: the command's exit code as it ran in the sandbox, or, when it
     * could not get there, the message and the exit code for what went wrong.
     */
    public static int forwardToSandbox(
            SandboxForwarder forwarder, String[] args, PrintStream out, PrintStream err) {
        try {
            return forwarder.forward(args, out, err);
        } catch (FanoutProblem problem) {
            err.println("error: " + problem.getMessage());
            err.flush();
            return ExitCodes.of(problem);
        }
    }

    /** The verbs, in the order the help lists them. */
    private static final List<Class<?>> SUBCOMMANDS =
            List.of(
                    picocli.AutoComplete.GenerateCompletion.class,
                    fanout.console.status.StatusCommand.class,
                    fanout.console.probe.ProbeCommand.class,
                    fanout.console.session.ResultsCommand.class,
                    fanout.console.mapping.RegisterCommand.class,
                    fanout.console.mapping.UpdateCommand.class,
                    fanout.console.mapping.ActivateCommand.class,
                    fanout.console.mapping.DeactivateCommand.class,
                    fanout.console.mapping.UnregisterCommand.class,
                    fanout.console.mapping.ListCommand.class,
                    fanout.console.roster.RosterCommand.class,
                    fanout.console.deploy.DeployCommand.class,
                    fanout.console.deploy.DestroyCommand.class,
                    fanout.console.deploy.DoctorCommand.class,
                    fanout.console.hook.HookCommand.class,
                    fanout.console.hook.UnhookCommand.class,
                    fanout.console.hook.PauseCommand.class,
                    fanout.console.hook.ResumeCommand.class,
                    fanout.console.handout.HandoutCommand.class,
                    fanout.console.cursor.DrainCommand.class,
                    fanout.console.cursor.SkipCommand.class,
                    fanout.console.cursor.ReplayCommand.class,
                    fanout.console.sandbox.SandboxCommand.class,
                    fanout.console.selfreg.SelfregCommand.class,
                    fanout.console.tui.TuiCommand.class);

    public static CommandLine create(SessionFactory sessions) {
        FanoutCommand root = new FanoutCommand();
        SessionScope scope = new SessionScope(sessions, root::options);
        CommandLine commandLine = new CommandLine(root, new CommandFactory(scope));
        // Before the settings below: they apply to the subcommands present when they are set.
        SUBCOMMANDS.forEach(commandLine::addSubcommand);
        commandLine.setExecutionExceptionHandler(new ExceptionHandler(root));
        commandLine.setParameterExceptionHandler(Cli::usageError);
        commandLine.setExecutionStrategy(
                parseResult -> {
                    try {
                        return new CommandLine.RunLast().execute(parseResult);
                    } finally {
                        scope.close();
                    }
                });
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    /**
     * A bad flag or argument: the message naming it and where to read more, rather than the whole
     * usage text (which would scroll the message itself off the screen).
     */
    static int usageError(CommandLine.ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getColorScheme().errorText("error: ") + problem.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(problem, err);
        err.println("see `" + command.getCommandSpec().qualifiedName() + " --help`");
        err.flush();
        return ExitCodes.USAGE;
    }

    /**
     * Prints what went wrong without a stack trace (unless -v) and returns the matching exit code.
     */
    static final class ExceptionHandler implements IExecutionExceptionHandler {
        private final FanoutCommand root;

        ExceptionHandler(FanoutCommand root) {
            this.root = root;
        }

        @Override
        public int handleExecutionException(
                Exception error, CommandLine commandLine, ParseResult parseResult) {
            PrintWriter err = commandLine.getErr();
            boolean verbose = root.verbose;
            Throwable problem = error;
            if (error instanceof SdkException sdk) {
                problem = AwsErrors.wrap("the AWS call", sdk);
            } else if (error instanceof WorkshopException) {
                problem = FanoutException.usage(error.getMessage());
            }
            int exitCode;
            if (problem instanceof FanoutProblem known) {
                err.println(commandLine.getColorScheme().errorText("error: ") + known.getMessage());
                exitCode = ExitCodes.of(known);
            } else if (problem instanceof FanoutException fanout) {
                err.println(
                        commandLine.getColorScheme().errorText("error: ") + fanout.getMessage());
                exitCode = fanout.exitCode();
            } else {
                err.println(
                        commandLine.getColorScheme().errorText("error: ")
                                + "unexpected "
                                + error.getClass().getSimpleName()
                                + ": "
                                + error.getMessage()
                                + (verbose ? "" : " (run again with -v for details)"));
                exitCode = ExitCodes.FAILURE;
            }
            if (verbose) {
                error.printStackTrace(err);
            }
            err.flush();
            return exitCode;
        }
    }
}
