package fanout.console.cli;

import fanout.console.GlobalOptions;
import fanout.console.Session;
import fanout.console.SessionFactory;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root command. Its options are inherited by every subcommand, so they work before or after the
 * verb; commands reach the session through {@link #of(CommandSpec)}.
 */
@Command(
        name = "fanout",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Fan one Kinesis stream out to every student's stream in a workshop class.",
        footerHeading = "%n",
        footer = ExitCodes.HELP_SECTION,
        subcommands = {
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
            fanout.console.tui.TuiCommand.class
        })
public final class FanoutCommand implements Runnable {

    @Option(
            names = "--region",
            scope = ScopeType.INHERIT,
            paramLabel = "REGION",
            description = "AWS region (default: AWS_REGION, the profile's, or the workshop's).")
    String region;

    @Option(
            names = "--profile",
            scope = ScopeType.INHERIT,
            paramLabel = "PROFILE",
            description = "AWS named profile (default: the standard credential chain).")
    String profile;

    @Option(
            names = "--function",
            scope = ScopeType.INHERIT,
            paramLabel = "NAME",
            defaultValue = "fanout",
            description =
                    "Name of the fan-out function (default: ${DEFAULT-VALUE}); tables are NAMETargets, NAMEState.")
    String function;

    @Option(
            names = "--workshop",
            scope = ScopeType.INHERIT,
            paramLabel = "NAME",
            defaultValue = "hello-retail",
            description = "Workshop definition to use (default: ${DEFAULT-VALUE}).")
    String workshop;

    @Option(
            names = "--sandbox",
            scope = ScopeType.INHERIT,
            description = "Run against the running local sandbox (see `fanout sandbox up`).")
    boolean sandbox;

    @Option(
            names = "--output",
            scope = ScopeType.INHERIT,
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Show details, including stack traces of unexpected errors.")
    boolean verbose;

    @Spec CommandSpec spec;

    private final SessionFactory sessions;
    private Session session;

    public FanoutCommand(SessionFactory sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    /** The root command of the command line that {@code spec} belongs to. */
    public static FanoutCommand of(CommandSpec spec) {
        return (FanoutCommand) spec.root().userObject();
    }

    public GlobalOptions options() {
        return new GlobalOptions(
                Optional.ofNullable(region),
                Optional.ofNullable(profile),
                function,
                workshop,
                sandbox,
                output == null ? OutputFormat.text : output,
                verbose);
    }

    /** The session for this command line, opened on first use and closed by {@link Cli}. */
    public synchronized Session session() {
        if (session == null) {
            session = sessions.open(options());
        }
        return session;
    }

    synchronized void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
