package fanout.console.sandbox;

import fanout.mapping.Arn;
import java.util.Objects;

/**
 * One student of the simulated class: where their stream lives, the role the forwarder must assume,
 * and how their account misbehaves.
 *
 * @param streamArn the student's stream (in their account and region)
 * @param roleArn the role the fan-out function assumes to write to it
 */
public record SimulatedStudent(
        String id,
        String account,
        String region,
        String streamArn,
        String roleArn,
        StudentCondition condition) {

    public SimulatedStudent {
        Objects.requireNonNull(id, "id is required");
        Objects.requireNonNull(condition, "condition is required");
        if (account == null || !account.matches("\\d{12}")) {
            throw new IllegalArgumentException(
                    "student " + id + ": account '" + account + "' is not 12 digits");
        }
        Objects.requireNonNull(region, "student " + id + ": region is required");
        Arn.kinesisStream(streamArn);
        Arn.iamRole(roleArn);
    }

    public String streamName() {
        return streamArn.substring(streamArn.indexOf(":stream/") + ":stream/".length());
    }
}
