package fanout.console.workshop;

import com.fasterxml.jackson.databind.JsonNode;
import fanout.mapping.Arn;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A workshop definition: the class's defaults (region, function, source stream, ordering,
 * transform) and the templates that turn a student id and account into their stream and role ARNs.
 *
 * <p>Templates use the placeholders {@code {id}}, {@code {account}}, {@code {region}} and {@code
 * {partition}} (aws, aws-cn, aws-us-gov: the region's, so one workshop file serves every
 * partition).
 */
public record Workshop(
        String name,
        String title,
        String region,
        String functionName,
        String sourceStream,
        Pattern idPattern,
        String streamArnTemplate,
        String roleArnTemplate,
        String assumableRolePattern,
        boolean parallel,
        String transform,
        String startingPosition,
        JsonNode probeTemplate,
        SelfRegistrationRule selfRegistration) {

    public Workshop {
        Objects.requireNonNull(name, "workshop name is required");
        Objects.requireNonNull(region, "workshop " + name + ": region is required");
        Objects.requireNonNull(functionName, "workshop " + name + ": functionName is required");
        Objects.requireNonNull(idPattern, "workshop " + name + ": idPattern is required");
        Objects.requireNonNull(
                streamArnTemplate, "workshop " + name + ": streamArnTemplate is required");
        Objects.requireNonNull(
                roleArnTemplate, "workshop " + name + ": roleArnTemplate is required");
        Objects.requireNonNull(
                assumableRolePattern, "workshop " + name + ": assumableRolePattern is required");
        selfRegistration =
                selfRegistration == null ? SelfRegistrationRule.DEFAULT : selfRegistration;
    }

    /** The student's stream ARN from the template. */
    public String streamArn(String id, String account, String studentRegion) {
        return fill(streamArnTemplate, id, account, studentRegion);
    }

    /** The student's role ARN from the template. */
    public String roleArn(String id, String account, String studentRegion) {
        return fill(roleArnTemplate, id, account, studentRegion);
    }

    /**
     * The source stream ARN in the leader's account and region (the template may already be a full
     * ARN).
     */
    public String sourceStreamArn(String account, String leaderRegion) {
        String template =
                sourceStream.startsWith("arn:")
                        ? sourceStream
                        : "arn:{partition}:kinesis:{region}:{account}:stream/" + sourceStream;
        return fill(template, "", account, leaderRegion);
    }

    /**
     * The roles the fan-out role may assume (its execution policy's sts:AssumeRole resource), in
     * the partition of {@code region}.
     */
    public String assumableRoles(String region) {
        return fill(assumableRolePattern, "", "*", region);
    }

    /** Whether the fan-out role's policy lets it assume {@code roleArn} (IAM wildcard match). */
    public boolean mayAssume(String roleArn, String region) {
        return Arn.matches(assumableRoles(region), roleArn);
    }

    public boolean idMatches(String id) {
        return id != null && idPattern.matcher(id).matches();
    }

    private static String fill(String template, String id, String account, String region) {
        return template.replace("{id}", id)
                .replace("{account}", account)
                .replace("{region}", region)
                .replace("{partition}", Arn.partitionOf(region));
    }
}
