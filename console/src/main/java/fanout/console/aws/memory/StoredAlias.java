package fanout.console.aws.memory;

import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;

/**
 * An alias of a function: a name pointing at a published version or {@code $LATEST}. Every change
 * gives it a new revision id, which UpdateAlias may be asked to match.
 */
record StoredAlias(String name, String functionVersion, String description, String revisionId) {
    /** Lambda's rule for alias names: 1-128 letters, digits, '-' or '_', not only digits. */
    static final Pattern NAME = Pattern.compile("(?!^[0-9]+$)[a-zA-Z0-9-_]{1,128}");

    StoredAlias {
        Objects.requireNonNull(name, "an alias has a name");
        Objects.requireNonNull(functionVersion, "an alias points at a version");
        Objects.requireNonNull(revisionId, "an alias has a revision id");
    }

    static void requireValidName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw LambdaFaults.invalidParameter(
                    "1 validation error detected: Value '"
                            + name
                            + "' at 'name' failed to satisfy constraint: Member must satisfy"
                            + " regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+) and have"
                            + " length less than or equal to 128");
        }
    }

    AliasConfiguration configuration(String functionArn) {
        return AliasConfiguration.builder()
                .aliasArn(functionArn + ":" + name)
                .name(name)
                .functionVersion(functionVersion)
                .description(description)
                .revisionId(revisionId)
                .build();
    }
}
