package fanout.console.mapping;

import picocli.CommandLine.Option;

/** The target's flags, as the original named them, plus our display name and helper. */
public final class TargetOptions {
    @Option(
            names = "--destination",
            paramLabel = "STREAM",
            description = "The student's Kinesis stream: name or ARN (stored as the name).")
    String destination;

    @Option(
            names = "--destination-region",
            paramLabel = "REGION",
            description = "Region of the destination stream.")
    String region;

    @Option(
            names = "--destination-role-arn",
            paramLabel = "ARN",
            description = "Role in the student's account that the fanout assumes to write.")
    String role;

    @Option(
            names = "--external-id",
            paramLabel = "ID",
            description = "External id to pass when assuming the role.")
    String externalId;

    @Option(
            names = "--active",
            arity = "1",
            paramLabel = "true|false",
            description = "Deliver to this target (register default: false).")
    Boolean active;

    @Option(
            names = "--parallel",
            arity = "1",
            paramLabel = "true|false",
            description = "false keeps per-key order (register default: true).")
    Boolean parallel;

    @Option(
            names = "--collapse",
            paramLabel = "MODE",
            description = "none, JSON, concat or concat-b64 (kept for the original's tables).")
    String collapse;

    @Option(
            names = "--convert-ddb",
            arity = "1",
            paramLabel = "true|false",
            description = "Kept for the original's tables (DynamoDB stream sources).")
    Boolean convertDDB;

    @Option(
            names = "--deaggregate",
            arity = "1",
            paramLabel = "true|false",
            description = "Split KPL-aggregated records before forwarding.")
    Boolean deaggregate;

    @Option(
            names = "--append-newlines",
            arity = "1",
            paramLabel = "true|false",
            description = "Append a newline to each forwarded record.")
    Boolean appendNewlines;

    @Option(names = "--name", paramLabel = "TEXT", description = "Display name (the student).")
    String name;

    @Option(names = "--helper", paramLabel = "TEXT", description = "Who helps this student.")
    String helper;

    TargetFields fields() {
        return TargetFields.builder()
                .destination(destination)
                .region(region)
                .role(role)
                .externalId(externalId)
                .active(active)
                .parallel(parallel)
                .collapse(collapse)
                .convertDDB(convertDDB)
                .deaggregate(deaggregate)
                .appendNewlines(appendNewlines)
                .name(name)
                .helper(helper)
                .build();
    }
}
