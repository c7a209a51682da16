package fanout.console.cli;

import fanout.console.Session;
import fanout.console.aws.SourceStreams;
import fanout.mapping.Arn;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The original's way of naming the source stream, shared by the mapping, roster and hook commands:
 * {@code --source-arn}, or {@code --source} with {@code --source-type}.
 */
public final class SourceOptions {
    @Option(
            names = "--source-arn",
            paramLabel = "ARN",
            description =
                    "Source Kinesis stream ARN (default: the workshop's source stream in your account).")
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
            description = "Type of the source: kinesis (the only one this fanout reads).")
    String sourceType;

    /** The source stream ARN these options name, validated. */
    public String resolve(Session session) {
        if (sourceType != null && !sourceType.equals("kinesis")) {
            throw FanoutException.usage(
                    "--source-type "
                            + sourceType
                            + ": this fanout reads kinesis streams only (the original also read"
                            + " DynamoDB streams)");
        }
        if (sourceName != null && sourceArn != null) {
            throw FanoutException.usage("give --source or --source-arn, not both");
        }
        if (sourceName != null) {
            if (!Arn.isStreamName(sourceName)) {
                throw FanoutException.usage(
                        "--source: '"
                                + sourceName
                                + "' is not a stream name: it must be 1-128 letters, digits, '_',"
                                + " '.' or '-' (or use --source-arn)");
            }
            return Arn.kinesisStreamArn(
                    session.region(), SourceStreams.callerAccount(session), sourceName);
        }
        return SourceStreams.resolve(session, Optional.ofNullable(sourceArn));
    }

    /** True when the command line named a source at all. */
    public boolean given() {
        return sourceArn != null || sourceName != null;
    }
}
