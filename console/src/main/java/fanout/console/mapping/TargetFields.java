package fanout.console.mapping;

import java.util.Optional;

/**
 * The values of a target that {@code register} and {@code update} may set; empty means "not given"
 * (register: the original's default; update: unchanged).
 *
 * @param destination the stream name or ARN
 * @param region {@code --destination-region}
 * @param role {@code --destination-role-arn}
 */
public record TargetFields(
        Optional<String> destination,
        Optional<String> region,
        Optional<String> role,
        Optional<String> externalId,
        Optional<Boolean> active,
        Optional<Boolean> parallel,
        Optional<String> collapse,
        Optional<Boolean> convertDDB,
        Optional<Boolean> deaggregate,
        Optional<Boolean> appendNewlines,
        Optional<String> name,
        Optional<String> helper) {

    public TargetFields {
        destination = trimmed(destination);
        region = trimmed(region);
        role = trimmed(role);
        externalId = trimmed(externalId);
        collapse = trimmed(collapse);
        name = trimmed(name);
        helper = trimmed(helper);
        active = active == null ? Optional.empty() : active;
        parallel = parallel == null ? Optional.empty() : parallel;
        convertDDB = convertDDB == null ? Optional.empty() : convertDDB;
        deaggregate = deaggregate == null ? Optional.empty() : deaggregate;
        appendNewlines = appendNewlines == null ? Optional.empty() : appendNewlines;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static Optional<String> trimmed(Optional<String> value) {
        return value == null ? Optional.empty() : value.map(String::trim);
    }

    /** Builds {@link TargetFields} from whatever a command or a form was given. */
    public static final class Builder {
        private String destination;
        private String region;
        private String role;
        private String externalId;
        private Boolean active;
        private Boolean parallel;
        private String collapse;
        private Boolean convertDDB;
        private Boolean deaggregate;
        private Boolean appendNewlines;
        private String name;
        private String helper;

        public Builder destination(String value) {
            destination = value;
            return this;
        }

        public Builder region(String value) {
            region = value;
            return this;
        }

        public Builder role(String value) {
            role = value;
            return this;
        }

        public Builder externalId(String value) {
            externalId = value;
            return this;
        }

        public Builder active(Boolean value) {
            active = value;
            return this;
        }

        public Builder parallel(Boolean value) {
            parallel = value;
            return this;
        }

        public Builder collapse(String value) {
            collapse = value;
            return this;
        }

        public Builder convertDDB(Boolean value) {
            convertDDB = value;
            return this;
        }

        public Builder deaggregate(Boolean value) {
            deaggregate = value;
            return this;
        }

        public Builder appendNewlines(Boolean value) {
            appendNewlines = value;
            return this;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder helper(String value) {
            helper = value;
            return this;
        }

        public TargetFields build() {
            return new TargetFields(
                    Optional.ofNullable(destination),
                    Optional.ofNullable(region),
                    Optional.ofNullable(role),
                    Optional.ofNullable(externalId),
                    Optional.ofNullable(active),
                    Optional.ofNullable(parallel),
                    Optional.ofNullable(collapse),
                    Optional.ofNullable(convertDDB),
                    Optional.ofNullable(deaggregate),
                    Optional.ofNullable(appendNewlines),
                    Optional.ofNullable(name),
                    Optional.ofNullable(helper));
        }
    }
}
