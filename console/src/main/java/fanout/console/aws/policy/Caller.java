package fanout.console.aws.policy;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Who makes a call, as IAM sees it: the principal's ARN (a user, or a role's session) and its
 * identity-based policies, read at every call so that a policy change applies to the next one.
 */
public record Caller(String arn, Supplier<List<String>> policies) {
    /** Allows everything: the leader's administrator in the sandbox and the console's tests. */
    public static final String ALLOW_ALL =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                    + "\"Resource\":\"*\"}]}";

    public Caller {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(policies, "policies");
        if (!arn.startsWith("arn:") || arn.split(":", -1).length < 6) {
            throw new IllegalArgumentException("a caller is named by its ARN, got " + arn);
        }
    }

    public static Caller administrator(String arn) {
        return new Caller(arn, () -> List.of(ALLOW_ALL));
    }

    public static Caller withPolicies(String arn, List<String> documents) {
        List<String> copy = List.copyOf(documents);
        return new Caller(arn, () -> copy);
    }

    /** The partition of the caller's ARN ({@code aws}, {@code aws-cn}, {@code aws-us-gov}). */
    public String partition() {
        return arn.split(":", -1)[1];
    }

    /** The caller's account. */
    public String account() {
        return arn.split(":", -1)[4];
    }

    public Decision decide(AccessRequest request) {
        return PolicyEvaluator.evaluate(policies.get(), request);
    }
}
