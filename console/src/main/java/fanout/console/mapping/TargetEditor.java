package fanout.console.mapping;

import fanout.console.problem.BadInputException;
import fanout.mapping.Arn;
import fanout.mapping.InvalidArnException;
import fanout.mapping.Mapping;
import java.util.List;
import java.util.Optional;

/**
 * Applies {@link TargetFields} to a mapping, validating each value with a message that names the
 * flag (and the ARN part). An empty string clears an optional value.
 */
final class TargetEditor {
    private TargetEditor() {}

    static Mapping apply(Mapping base, TargetFields fields, List<String> warnings) {
        String region = base.region();
        if (fields.region().isPresent()) {
            region = blankToNull(fields.region().get());
            if (region != null) {
                check("--destination-region", TargetChecks.region(region));
            }
        }
        String destination = base.destination();
        String streamAccount = null;
        if (fields.destination().isPresent()) {
            String value = fields.destination().get();
            if (value.startsWith("arn:")) {
                Arn arn = parse("--destination", () -> Arn.kinesisStream(value));
                if (fields.region().isPresent() && !arn.region().equals(region)) {
                    throw new BadInputException(
                            "--destination: region '"
                                    + arn.region()
                                    + "' in "
                                    + value
                                    + " differs from --destination-region "
                                    + region
                                    + ": give the stream's region");
                }
                region = arn.region();
                destination = arn.shortName();
                streamAccount = arn.account();
            } else {
                check("--destination", TargetChecks.streamName(value));
                destination = value;
            }
        }
        String role = base.role();
        String externalId = base.externalId();
        if (fields.role().isPresent()) {
            String value = fields.role().get();
            role =
                    value.isEmpty()
                            ? null
                            : parse("--destination-role-arn", () -> Arn.iamRole(value)).toString();
            if (role == null) {
                externalId = null;
            }
        }
        if (fields.externalId().isPresent()) {
            externalId = blankToNull(fields.externalId().get());
            if (externalId != null) {
                check("--external-id", TargetChecks.externalId(externalId));
                if (role == null) {
                    throw new BadInputException(
                            "--external-id needs --destination-role-arn: the external id is"
                                    + " passed when assuming the student's role");
                }
            }
        }
        if (streamAccount != null && role != null) {
            String roleAccount = Arn.iamRole(role).account();
            if (!roleAccount.equals(streamAccount)) {
                warnings.add(
                        "the stream is in account "
                                + streamAccount
                                + " but the role is in account "
                                + roleAccount
                                + ": the role must be allowed to write to that stream");
            }
        }
        String collapse = base.collapse();
        if (fields.collapse().isPresent()) {
            collapse = blankToNull(fields.collapse().get());
            if (collapse != null) {
                check("--collapse", TargetChecks.collapse(collapse));
            }
        }
        return base.toBuilder()
                .destination(destination)
                .active(fields.active().orElse(base.active()))
                .parallel(fields.parallel().orElse(base.parallel()))
                .role(role)
                .externalId(externalId)
                .region(region)
                .collapse(collapse)
                .convertDDB(fields.convertDDB().orElse(base.convertDDB()))
                .deaggregate(fields.deaggregate().orElse(base.deaggregate()))
                .appendNewlines(fields.appendNewlines().orElse(base.appendNewlines()))
                .name(fields.name().map(TargetEditor::blankToNull).orElse(base.name()))
                .helper(fields.helper().map(TargetEditor::blankToNull).orElse(base.helper()))
                .build();
    }

    private static void check(String flag, Optional<String> problem) {
        if (problem.isPresent()) {
            throw new BadInputException(flag + ": " + problem.get());
        }
    }

    private static Arn parse(String flag, java.util.function.Supplier<Arn> parser) {
        try {
            return parser.get();
        } catch (InvalidArnException e) {
            throw new BadInputException(flag + ": " + e.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
