package fanout.console.cli;

import fanout.console.GlobalOptions;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root command. Its options are inherited by every subcommand, so they work before or after the
 * verb. {@link Cli} registers the subcommands; they reach the options and the session through their
 * {@link Invocation}, never through this class.
 */
@Command(
        name = "fanout",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Fan one Kinesis stream out to every student's stream in a workshop class.",
        footerHeading = "%n",
        footer = ExitCodes.HELP_SECTION)
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

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
