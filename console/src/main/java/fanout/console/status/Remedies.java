package fanout.console.status;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fanout.console.deploy.PolicyDocuments;
import fanout.mapping.Mapping;
import java.util.Optional;

/**
 * Every non-OK state maps to one action ready to copy: the exact trust policy naming the fan-out
 * role, the {@code aws} line that creates a missing stream, shards versus rate for throttling, the
 * command that edits a mistyped row. Pure text from the mapping and what status read.
 */
public final class Remedies {
    /** A Kinesis shard takes this many records per second (and 1 MB/s). */
    static final long RECORDS_PER_SHARD_SECOND = 1000;

    private static final JsonMapper PRETTY =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Remedies() {}

    /**
     * What the actions name beyond one mapping.
     *
     * @param fanoutRoleArn the function's execution role (students' roles must trust it), null when
     *     unknown
     * @param recordsPerSecond the class's source rate over the window
     */
    public record Context(
            String functionName, String region, String fanoutRoleArn, double recordsPerSecond) {}

    /** The action for one student's state, empty when nothing is needed. */
    public static String forRow(
            DestinationState state, String code, Mapping mapping, Context context) {
        String id = mapping.id();
        String region = mapping.region() == null ? context.region() : mapping.region();
        switch (state) {
            case INACTIVE:
                return "./fanout activate --id " + id;
            case WAITING:
            case OK:
            case IDLE:
                return "";
            case LAG:
                return shards(mapping, region, context);
            default:
                return forError(code, mapping, region, context);
        }
    }

    private static String forError(String code, Mapping mapping, String region, Context context) {
        String id = mapping.id();
        String c = code == null ? "" : code;
        if (c.contains("AccessDenied") || c.contains("AssumeRole")) {
            return trust(mapping, context);
        }
        if (c.contains("NotFound")) {
            return "aws kinesis create-stream --stream-name "
                    + mapping.destinationStreamName()
                    + " --shard-count 1 --region "
                    + region;
        }
        if (c.contains("Throttl") || c.contains("ProvisionedThroughputExceeded")) {
            return shards(mapping, region, context);
        }
        if (c.contains("InvalidMapping") || c.contains("Validation")) {
            return "the row has a mistake: press e in the detail view to edit it, or\n"
                    + "./fanout update --id "
                    + id
                    + " --destination-role-arn "
                    + nonNull(mapping.role())
                    + " --destination "
                    + mapping.destination();
        }
        return "./fanout roster check --ids " + id;
    }

    /** The trust policy the student's role needs, and the line that sets it in their account. */
    static String trust(Mapping mapping, Context context) {
        String principal =
                context.fanoutRoleArn() == null ? "<fan-out role ARN>" : context.fanoutRoleArn();
        String policy;
        try {
            policy =
                    PRETTY.writeValueAsString(
                            PolicyDocuments.studentTrust(
                                    principal,
                                    Optional.ofNullable(mapping.externalId())
                                            .filter(s -> !s.isBlank())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a policy document always serialises", e);
        }
        String roleName = roleName(mapping.role());
        return "# the student's role "
                + nonNull(mapping.role())
                + " must trust the fan-out role:\n"
                + policy
                + "\n# saved as trust.json, in the student's account:\n"
                + "aws iam update-assume-role-policy --role-name "
                + roleName
                + " --policy-document file://trust.json";
    }

    private static String shards(Mapping mapping, String region, Context context) {
        long needed =
                Math.max(
                        2,
                        (long) Math.ceil(context.recordsPerSecond() / RECORDS_PER_SHARD_SECOND)
                                + 1);
        return String.format(
                java.util.Locale.ROOT,
                "# the class sends %.0f records/s; a shard takes %d records/s and 1 MB/s:%n"
                        + "aws kinesis update-shard-count --stream-name %s --target-shard-count %d"
                        + " --scaling-type UNIFORM_SCALING --region %s",
                context.recordsPerSecond(),
                RECORDS_PER_SHARD_SECOND,
                mapping.destinationStreamName(),
                needed,
                region);
    }

    /** The one action for a class that lags alike, from what the function's metrics say. */
    public static String forFunction(FunctionHealth health, Context context) {
        String function = context.functionName();
        String region = context.region();
        if (health.throttles() > 0) {
            return "# Lambda throttled the function "
                    + health.throttles()
                    + " times: give it concurrency\naws lambda put-function-concurrency"
                    + " --function-name "
                    + function
                    + " --reserved-concurrent-executions 10 --region "
                    + region;
        }
        if (health.errors() > 0) {
            return "# the function failed "
                    + health.errors()
                    + " invocations: read why\naws logs tail /aws/lambda/"
                    + function
                    + " --since 10m --region "
                    + region;
        }
        Long now = health.iteratorAgeNowMs();
        Long peak = health.iteratorAgePeakMs();
        if (now != null && peak != null && now * 2 < peak) {
            return "# nothing to fix: the function is catching up on a backlog (a hook at"
                    + " TRIM_HORIZON replays the source's retention) and IteratorAge is falling";
        }
        return "# just hooked at TRIM_HORIZON? then it is replaying the backlog: wait for"
                + " IteratorAge to fall.\n# If it does not fall, the function cannot keep up:"
                + " more shards are read in parallel with\naws lambda update-event-source-mapping --uuid <hook UUID from `aws"
                + " lambda list-event-source-mappings --function-name "
                + function
                + "`> --parallelization-factor 4 --region "
                + region;
    }

    /** The one action for an error most of the class shares. */
    public static String forSharedError(String key) {
        if (key.contains("AccessDenied") || key.contains("AssumeRole")) {
            return "# every student is refused at once: the fan-out role changed, not their roles."
                    + "\n# A re-created role has a new id, and trust policies that named the old"
                    + " one stop matching:\n# students re-save their trust policy (see `./fanout"
                    + " handout`), or check the role's own policy with\n./fanout doctor";
        }
        if (key.startsWith("no deliveries")) {
            return "# the function delivers to nobody: read its log\n./fanout doctor";
        }
        return "# one cause for the class: ./fanout doctor";
    }

    static String roleName(String roleArn) {
        if (roleArn == null) {
            return "<role name>";
        }
        int slash = roleArn.lastIndexOf('/');
        return slash < 0 ? roleArn : roleArn.substring(slash + 1);
    }

    static String seconds(long millis) {
        return millis < 10_000
                ? String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0)
                : (millis / 1000) + " s";
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
