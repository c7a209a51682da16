package fanout.environment;

import fanout.check.Required;
import java.util.Map;

/**
 * A function's environment variables as a configuration reads them once at cold start: a blank
 * value counts as unset, values are trimmed, and every problem names the variable.
 */
public record Environment(Map<String, String> variables) {
    /** Set by Lambda in every function. */
    public static final String FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";

    /** Set by Lambda in every function. */
    public static final String REGION = "AWS_REGION";

    /**
     * The forwarder's tables: the self-registration function reads them under the same names, which
     * deploy sets from the forwarder's.
     */
    public static final String TARGETS_TABLE = "FANOUT_TARGETS_TABLE";

    public static final String STATE_TABLE = "FANOUT_STATE_TABLE";

    public Environment {
        Required.all("variables", variables);
    }

    /** The trimmed value, or {@code fallback} when the variable is unset or blank. */
    public String text(String name, String fallback) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /**
     * The value as a whole number within {@code min} and {@code max}, or {@code fallback} when
     * unset.
     */
    public int number(String name, int fallback, int min, int max) {
        String value = text(name, null);
        if (value == null) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    name + " must be a whole number, was '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(
                    name + " must be between " + min + " and " + max + ", was " + parsed);
        }
        return parsed;
    }

    /**
     * The trimmed value; unset or blank fails naming the variable and {@code who} sets it, e.g.
     * {@code "deploy --self-registration sets it"}.
     */
    public String required(String name, String who) {
        String value = text(name, null);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required (" + who + ")");
        }
        return value;
    }
}
