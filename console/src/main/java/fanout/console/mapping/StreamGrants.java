package fanout.console.mapping;

/** Asks whether the fan-out function's own role may write a stream (port; IAM behind it). */
@FunctionalInterface
public interface StreamGrants {
    /** What the forwarder calls on a destination stream, so what its role needs there. */
    java.util.List<String> WRITE_ACTIONS =
            java.util.List.of("kinesis:PutRecords", "kinesis:DescribeStreamSummary");

    StreamGrant check(String streamArn);
}
