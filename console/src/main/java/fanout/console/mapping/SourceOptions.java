package fanout.console.mapping;

import fanout.console.Session;
import fanout.console.aws.SourceStreams;
import fanout.console.cli.FanoutException;
import fanout.mapping.Arn;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The original's way of naming the source and the table: {@code --source-arn}, or {@code --source}
 * with {@code --source-type}; {@code --table} for a table not named after the function.
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

    @Option(
            names = "--table",
            paramLabel = "NAME",
            description = "Targets table (default: <function>Targets).")
    String table;

    /** The source stream ARN these options name, validated. */
    public String resolve(Session session) {
        if (sourceType != null && !sourceType.equals("kinesis")) {
            throw FanoutException.usage(
                    "--source-type "
                            + sourceType
                            + ": this fanout reads kinesis streams only (the original also read"
                            + " DynamoDB streams)");
        }
        if (sourceArn == null && sourceName != null) {
            if (!Arn.isStreamName(sourceName)) {
                throw FanoutException.usage(
                        "--source: '"
                                + sourceName
                                + "' is not a stream name (or use --source-arn)");
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

    /** True when the command line named a source at all. */
    public boolean given() {
        return sourceArn != null || sourceName != null;
    }

    /** The mapping service on this session's targets table. */
    public MappingService service(Session session) {
        return new MappingService(repository(session));
    }

    public MappingRepository repository(Session session) {
        return repository(session, Optional.ofNullable(table));
    }

    /** The repository on the session's targets table (or {@code table}). */
    public static MappingRepository repository(Session session, Optional<String> table) {
        return DynamoMappingRepository.forSession(session, table);
    }
}
