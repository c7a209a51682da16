package fanout.console.cli;

import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --source-arn} for the commands that read what the function is hooked to when no source is
 * named (status, results).
 */
public final class HookedSourceOption {
    @Option(
            names = "--source-arn",
            paramLabel = "ARN",
            description = "Source stream (default: the function's hook, else the workshop's).")
    String sourceArn;

    /** The source named, if any (a blank one counts as none). */
    public Optional<String> arn() {
        return Optional.ofNullable(sourceArn).filter(s -> !s.isBlank());
    }
}
