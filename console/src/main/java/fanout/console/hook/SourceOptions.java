package fanout.console.hook;

import fanout.console.Session;
import fanout.console.aws.SourceStreams;
import fanout.console.cli.FanoutException;
import fanout.mapping.Arn;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The source stream options of the original's hook verbs. */
public final class SourceOptions {
    @Option(
            names = "--source-arn",
            paramLabel = "ARN",
            description = "Source stream ARN (default: the workshop's source in your account).")
    String sourceArn;

    @Option(
            names = "--source",
            paramLabel = "NAME",
            description =
                    "Source stream name in your account and region (instead of --source-arn).")
    String sourceName;

    @Option(
            names = "--source-type",
            paramLabel = "TYPE",
            defaultValue = "kinesis",
            description = "Source type: kinesis (the only one supported).")
    String sourceType;

    /** The source stream ARN, validated. */
    public String resolve(Session session) {
        if (!"kinesis".equals(sourceType)) {
            throw FanoutException.usage(
                    "--source-type '" + sourceType + "': only kinesis sources are supported");
        }
        if (sourceName != null && sourceArn != null) {
            throw FanoutException.usage("give --source or --source-arn, not both");
        }
        if (sourceName != null) {
            if (!Arn.isStreamName(sourceName)) {
                throw FanoutException.usage(
                        "--source '"
                                + sourceName
                                + "' must be 1-128 letters, digits, '_', '.' or '-'");
            }
            return "arn:aws:kinesis:"
                    + session.region()
                    + ":"
                    + SourceStreams.callerAccount(session)
                    + ":stream/"
                    + sourceName;
        }
        return SourceStreams.resolve(session, Optional.ofNullable(sourceArn));
    }
}
