package fanout.console.workshop;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a self-registering student's id comes from their stream's and role's names (the workshop
 * definition's {@code selfRegistration}): each pattern's first group is the id. Handed to the
 * self-registration function through its environment.
 *
 * @param help how the rule reads for a student
 */
public record SelfRegistrationRule(String streamIdPattern, String roleIdPattern, String help) {
    /** Without a {@code selfRegistration} block: the whole name before Stream / StreamWriter. */
    public static final SelfRegistrationRule DEFAULT =
            new SelfRegistrationRule(
                    "^([a-zA-Z0-9_.-]{1,64})Stream$",
                    "^([a-zA-Z0-9_.-]{1,64})StreamWriter$",
                    "name your stream <id>Stream and your role <id>StreamWriter");

    public SelfRegistrationRule {
        Objects.requireNonNull(streamIdPattern, "selfRegistration.streamIdPattern is required");
        Objects.requireNonNull(roleIdPattern, "selfRegistration.roleIdPattern is required");
        help = help == null ? "" : help;
        for (String pattern : new String[] {streamIdPattern, roleIdPattern}) {
            if (Pattern.compile(pattern).matcher("").groupCount() < 1) {
                throw new IllegalArgumentException(
                        "selfRegistration pattern '"
                                + pattern
                                + "' needs a group around the id, e.g. ^([a-zA-Z0-9]{4})Stream$");
            }
        }
    }
}
