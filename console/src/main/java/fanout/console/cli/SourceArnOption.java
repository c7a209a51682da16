package fanout.console.cli;

import fanout.console.Session;
import fanout.console.aws.SourceStreams;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --source-arn} alone, for the commands that act on the workshop's source by default (drain,
 * skip, replay, roster check).
 */
public final class SourceArnOption {
    @Option(
            names = "--source-arn",
            paramLabel = "ARN",
            description = "Source stream (default: the workshop's source in your account).")
    String sourceArn;

    /** The source stream ARN named, or the workshop's in the caller's account. */
    public String resolve(Session session) {
        return SourceStreams.resolve(session, Optional.ofNullable(sourceArn));
    }
}
