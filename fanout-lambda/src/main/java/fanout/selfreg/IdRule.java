package fanout.selfreg;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workshop's rule that gives a student's id from their stream's and role's names: each
 * pattern's first group is the id (hello-retail: {@code ^([a-zA-Z0-9]{4})Stream$} and {@code
 * ^([a-zA-Z0-9]{4})StreamWriter$}). Comes from the workshop definition, through the function's
 * environment.
 *
 * @param help how the rule reads for a student, quoted in refusals
 */
public record IdRule(Pattern stream, Pattern role, String help) {
    public IdRule {
        Objects.requireNonNull(stream, "the stream id pattern is required");
        Objects.requireNonNull(role, "the role id pattern is required");
        help = help == null || help.isBlank() ? "" : help.trim();
        requireGroup(stream, "stream");
        requireGroup(role, "role");
    }

    public static IdRule of(String stream, String role, String help) {
        return new IdRule(Pattern.compile(stream), Pattern.compile(role), help);
    }

    public Optional<String> fromStreamName(String name) {
        return id(stream, name);
    }

    public Optional<String> fromRoleName(String name) {
        return id(role, name);
    }

    private static Optional<String> id(Pattern pattern, String name) {
        Matcher matcher = pattern.matcher(name == null ? "" : name);
        return matcher.matches() ? Optional.ofNullable(matcher.group(1)) : Optional.empty();
    }

    private static void requireGroup(Pattern pattern, String what) {
        if (pattern.matcher("").groupCount() < 1) {
            throw new IllegalArgumentException(
                    "the "
                            + what
                            + " id pattern '"
                            + pattern.pattern()
                            + "' needs a group around the id, e.g. ^([a-zA-Z0-9]{4})Stream$");
        }
    }
}
