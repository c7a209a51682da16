package fanout.console.mapping;

import fanout.mapping.Arn;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks on the values a target is made of, shared by the commands (which name the flag) and the
 * roster (which names the line and column). Each returns the problem, or empty when the value is
 * fine.
 */
public final class TargetChecks {
    /** Ids the table accepts from {@code register}; a workshop's roster may be stricter. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /** STS's rule for an external id. */
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");

    /** The original's values for {@code --collapse}. */
    public static final Set<String> COLLAPSE = Set.of("none", "JSON", "concat", "concat-b64");

    private TargetChecks() {}

    public static Optional<String> id(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of("the id is empty: use 1-64 letters, digits, '_', '.' or '-'");
        }
        return ID.matcher(value).matches()
                ? Optional.empty()
                : Optional.of(
                        "'" + value + "' is not an id: use 1-64 letters, digits, '_', '.' or '-'");
    }

    public static Optional<String> region(String value) {
        return Arn.isRegion(value)
                ? Optional.empty()
                : Optional.of("'" + value + "' is not a region such as us-west-2");
    }

    public static Optional<String> account(String value) {
        if (Arn.isAccount(value)) {
            return Optional.empty();
        }
        String digits = value == null ? "" : value.replaceAll("[^0-9]", "");
        String detail =
                value != null && digits.length() == value.length()
                        ? " (it has " + value.length() + " digits)"
                        : " (only digits, no dashes or spaces)";
        return Optional.of("'" + value + "' is not an AWS account id: 12 digits" + detail);
    }

    public static Optional<String> externalId(String value) {
        return value != null && EXTERNAL_ID.matcher(value).matches()
                ? Optional.empty()
                : Optional.of(
                        "'"
                                + value
                                + "' is not a valid external id: 2-1224 letters, digits or +=,.@:/-_");
    }

    public static Optional<String> streamName(String value) {
        return Arn.isStreamName(value)
                ? Optional.empty()
                : Optional.of(
                        "'"
                                + value
                                + "' is not a stream name: 1-128 letters, digits, '_', '.' or '-'"
                                + " (or give the stream ARN)");
    }

    public static Optional<String> collapse(String value) {
        return COLLAPSE.contains(value)
                ? Optional.empty()
                : Optional.of("'" + value + "' is not one of none, JSON, concat, concat-b64");
    }
}
