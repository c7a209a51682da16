package fanout.console.check;

import fanout.mapping.Arn;
import fanout.mapping.InvalidArnException;
import fanout.mapping.Mapping;
import java.util.Optional;

/** Turns a failed check into what to do about it, naming the role, stream and account. */
final class FixHints {
    private final String fanoutRole;
    private final String region;
    private final Optional<String> assumableRoles;

    FixHints(String fanoutRole, String region) {
        this(fanoutRole, region, Optional.empty());
    }

    /**
     * @param assumableRoles the sts:AssumeRole resource of the fan-out role's own policy: a role
     *     outside it is refused by the core account, whatever the student's trust policy says
     */
    FixHints(String fanoutRole, String region, Optional<String> assumableRoles) {
        this.fanoutRole = fanoutRole;
        this.region = region;
        this.assumableRoles = assumableRoles;
    }

    String fix(StudentCheck check, Mapping mapping) {
        String code = check.code() == null ? "" : check.code();
        if (code.equals("NotRegistered")) {
            return "register "
                    + check.id()
                    + " first: `fanout roster import FILE` or `fanout register kinesis --id "
                    + check.id()
                    + " ...`";
        }
        if (mapping == null) {
            mapping = Mapping.kinesis("unknown", check.id(), check.id() + "'s stream");
        }
        String role = mapping.role() == null ? "(see the roster)" : mapping.role();
        String account = account(mapping);
        String streamRegion = mapping.region() == null ? region : mapping.region();
        String stream = mapping.destinationStreamName();
        if (!check.roleAssumed()) {
            if (mapping.role() == null && !mapping.sourceArn().equals("unknown")) {
                return "register the student's role: `fanout update --id "
                        + check.id()
                        + " --destination-role-arn ARN`";
            }
            if (mapping.role() != null
                    && assumableRoles.isPresent()
                    && !Arn.matches(assumableRoles.get(), mapping.role())) {
                return "the core account's own policy refuses this, not the student: "
                        + fanoutRole
                        + " may only assume roles matching "
                        + assumableRoles.get()
                        + " (the workshop's assumableRolePattern) and "
                        + role
                        + " does not match; register the student's matching role (`fanout"
                        + " update --id "
                        + check.id()
                        + " --destination-role-arn ARN`), or widen assumableRolePattern and run"
                        + " `fanout deploy` again";
            }
            return "the student's role "
                    + role
                    + " must trust "
                    + fanoutRole
                    + " (run `fanout handout`)";
        }
        if (code.contains("ResourceNotFound") || !check.streamFound()) {
            if (code.contains("AccessDenied")) {
                return "the role "
                        + role
                        + " must allow kinesis:DescribeStreamSummary and kinesis:PutRecords on stream "
                        + stream
                        + " (run `fanout handout`)";
            }
            return "create stream " + stream + " in " + streamRegion + " of account " + account;
        }
        if (check.streamStatus() != null && !check.streamStatus().equals("ACTIVE")) {
            return "stream " + stream + " is " + check.streamStatus() + ": wait until it is ACTIVE";
        }
        if (code.contains("AccessDenied")) {
            return "the role "
                    + role
                    + " must allow kinesis:PutRecords on stream "
                    + stream
                    + " (run `fanout handout`)";
        }
        return check.error() == null ? "see `fanout status` for the last error" : check.error();
    }

    private static String account(Mapping mapping) {
        for (String arn : new String[] {mapping.destination(), mapping.role()}) {
            if (arn != null && arn.startsWith("arn:")) {
                try {
                    return Arn.parse(arn).account();
                } catch (InvalidArnException e) {
                    // Try the next ARN.
                }
            }
        }
        return "(unknown account)";
    }
}
