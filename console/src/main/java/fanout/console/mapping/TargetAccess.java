package fanout.console.mapping;

import fanout.console.problem.BadInputException;
import fanout.mapping.Arn;
import fanout.mapping.Mapping;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Refuses, when a target is registered or its role or stream changed, what AWS would refuse at
 * class time: a role the fan-out role's policy may not assume (outside the workshop's {@code
 * assumableRolePattern}); a target without a role in another account than the core account (the
 * function's own role cannot write there); one without a role in the core account unless the
 * function's role is granted PutRecords and DescribeStreamSummary on that stream.
 *
 * @param assumableRoles the execution policy's sts:AssumeRole resource; empty: not checked
 */
public record TargetAccess(Optional<String> assumableRoles, StreamGrants grants) {
    /** No checks: for tables managed without a session (tests, tools that only read). */
    public static final TargetAccess UNCHECKED =
            new TargetAccess(Optional.empty(), streamArn -> new StreamGrant.Granted());

    public TargetAccess {
        Objects.requireNonNull(assumableRoles, "assumableRoles");
        Objects.requireNonNull(grants, "grants");
    }

    /**
     * @param fields what the command line gave (only a given role or destination is checked, so an
     *     update of the name alone never fails on an older row)
     * @param warnings told when the grant could not be verified
     */
    void check(Mapping mapping, TargetFields fields, List<String> warnings) {
        if (fields.role().isEmpty() && fields.destination().isEmpty()) {
            return;
        }
        if (mapping.role() != null) {
            checkAssumable(mapping);
            return;
        }
        Arn source = Arn.parse(mapping.sourceArn());
        String streamAccount =
                fields.destination()
                        .filter(d -> d.startsWith("arn:"))
                        .map(d -> Arn.parse(d).account())
                        .orElse(source.account());
        String region = mapping.region() == null ? source.region() : mapping.region();
        String example = Arn.iamRoleArn(region, streamAccount, mapping.id() + "StreamWriter");
        if (!streamAccount.equals(source.account())) {
            throw new BadInputException(
                    "--destination-role-arn is required: the stream is in account "
                            + streamAccount
                            + " and the fan-out function runs in account "
                            + source.account()
                            + ", whose own role cannot write another account's stream; give the"
                            + " student's role, e.g. --destination-role-arn "
                            + example);
        }
        String streamArn =
                Arn.kinesisStreamArn(region, source.account(), mapping.destinationStreamName());
        StreamGrant grant = grants.check(streamArn);
        if (grant instanceof StreamGrant.Missing missing) {
            throw new BadInputException(
                    "--destination-role-arn is missing, so the function would write "
                            + streamArn
                            + " with its own role "
                            + missing.role()
                            + ", which is not granted "
                            + String.join(" and ", missing.actions())
                            + " there (AccessDenied at class time): give a role that may write"
                            + " the stream with --destination-role-arn, or grant "
                            + missing.role()
                            + " those actions on that stream first");
        }
        if (grant instanceof StreamGrant.Unknown unknown) {
            warnings.add(
                    "could not verify that the function's own role may write "
                            + streamArn
                            + " ("
                            + unknown.reason()
                            + "): without --destination-role-arn it needs "
                            + String.join(" and ", StreamGrants.WRITE_ACTIONS)
                            + " there, else every delivery is AccessDenied");
        }
    }

    private void checkAssumable(Mapping mapping) {
        if (assumableRoles.isEmpty() || Arn.matches(assumableRoles.get(), mapping.role())) {
            return;
        }
        throw new BadInputException(
                "--destination-role-arn: "
                        + mapping.role()
                        + " is outside the roles the fan-out role may assume ("
                        + assumableRoles.get()
                        + ", the workshop's assumableRolePattern), so AWS would refuse AssumeRole"
                        + " at class time: give the student's role that matches it, or widen"
                        + " assumableRolePattern in the workshop and run `fanout deploy` again");
    }
}
