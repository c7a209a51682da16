package fanout.console.roster;

import static fanout.console.roster.RosterColumns.*;

import fanout.console.mapping.TargetChecks;
import fanout.console.workshop.Workshop;
import fanout.mapping.Arn;
import fanout.mapping.InvalidArnException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks parsed rows against the workshop and fills stream and role from its templates. A row with
 * any problem is left out; duplicated ids or streams make every line involved invalid.
 */
public final class RosterValidator {
    private static final Set<String> TRUE = Set.of("true", "yes", "y", "1");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "0");
    private static final int MAX_TEXT = 256;

    private final Workshop workshop;

    public RosterValidator(Workshop workshop) {
        this.workshop = workshop;
    }

    /** Valid rows, and problems added to {@code problems} (in line order). */
    public List<RosterRow> validate(ParsedRoster roster, List<RosterProblem> problems) {
        Map<Integer, RosterRow> valid = new LinkedHashMap<>();
        List<RosterProblem> found = new ArrayList<>();
        for (RawRow raw : roster.rows()) {
            RowCheck check = new RowCheck(raw, roster, found);
            check.run().ifPresent(row -> valid.put(raw.line(), row));
        }
        duplicates(valid, roster, found, "id", RosterRow::id, ID);
        duplicates(valid, roster, found, "stream", RosterRow::streamArn, STREAM);
        found.sort(java.util.Comparator.comparingInt(RosterProblem::line));
        problems.addAll(found);
        return List.copyOf(valid.values());
    }

    private static void duplicates(
            Map<Integer, RosterRow> valid,
            ParsedRoster roster,
            List<RosterProblem> problems,
            String what,
            java.util.function.Function<RosterRow, String> key,
            String column) {
        Map<String, List<Integer>> lines = new HashMap<>();
        for (RosterRow row : valid.values()) {
            lines.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row.line());
        }
        for (Map.Entry<String, List<Integer>> entry : lines.entrySet()) {
            List<Integer> at = entry.getValue();
            if (at.size() < 2) {
                continue;
            }
            String all = String.join(" and ", at.stream().map(String::valueOf).toList());
            for (int line : at) {
                problems.add(
                        new RosterProblem(
                                line,
                                column,
                                roster.columnNumber(column),
                                what + " '" + entry.getKey() + "' is on lines " + all,
                                "each student needs their own "
                                        + what
                                        + ": fix or remove one of lines "
                                        + all));
                valid.remove(line);
            }
        }
    }

    /** The checks of one row. */
    private final class RowCheck {
        private final RawRow raw;
        private final ParsedRoster roster;
        private final List<RosterProblem> problems;
        private boolean ok = true;

        RowCheck(RawRow raw, ParsedRoster roster, List<RosterProblem> problems) {
            this.raw = raw;
            this.roster = roster;
            this.problems = problems;
        }

        Optional<RosterRow> run() {
            String id = raw.get(ID).orElse(null);
            if (id == null) {
                problem(ID, "the id is empty", "give every student an id matching " + pattern());
            } else if (!workshop.idMatches(id)) {
                problem(
                        ID,
                        "'" + id + "' does not match the workshop's id pattern " + pattern(),
                        "use an id matching " + pattern() + " (workshop " + workshop.name() + ")");
            }
            String account = raw.get(ACCOUNT).orElse(null);
            if (account != null) {
                TargetChecks.account(account)
                        .ifPresent(
                                p ->
                                        problem(
                                                ACCOUNT,
                                                p,
                                                "use the student's 12-digit AWS account id"));
            }
            String region = raw.get(REGION).orElse(workshop.region());
            TargetChecks.region(region)
                    .ifPresent(p -> problem(REGION, p, "use the region of the student's stream"));
            boolean parallel = parallel();
            String externalId = raw.get(EXTERNAL_ID).orElse(null);
            if (externalId != null) {
                TargetChecks.externalId(externalId)
                        .ifPresent(p -> problem(EXTERNAL_ID, p, "copy the external id exactly"));
            }
            text(NAME);
            text(HELPER);
            if (!ok) {
                return Optional.empty();
            }
            String stream = streamArn(id, account, region);
            String role = roleArn(id, account, region);
            if (!ok) {
                return Optional.empty();
            }
            return Optional.of(
                    new RosterRow(
                            raw.line(),
                            id,
                            account == null ? Arn.iamRole(role).account() : account,
                            Arn.kinesisStream(stream).region(),
                            stream,
                            role,
                            externalId,
                            raw.get(NAME).orElse(null),
                            raw.get(HELPER).orElse(null),
                            parallel,
                            raw.extras()));
        }

        private String streamArn(String id, String account, String region) {
            Optional<String> given = raw.get(STREAM);
            if (given.isEmpty() || !given.get().startsWith("arn:")) {
                if (given.isPresent() && TargetChecks.streamName(given.get()).isPresent()) {
                    problem(STREAM, TargetChecks.streamName(given.get()).get(), streamHint());
                    return null;
                }
                if (account == null) {
                    return needAccount();
                }
                return given.map(name -> Arn.kinesisStreamArn(region, account, name))
                        .orElseGet(() -> workshop.streamArn(id, account, region));
            }
            try {
                Arn arn = Arn.kinesisStream(given.get());
                if (account != null && !arn.account().equals(account)) {
                    problem(
                            STREAM,
                            "account '"
                                    + arn.account()
                                    + "' in "
                                    + given.get()
                                    + " differs from the account column "
                                    + account,
                            "make the stream ARN and the account agree");
                }
                if (raw.get(REGION).isPresent() && !arn.region().equals(region)) {
                    problem(
                            STREAM,
                            "region '"
                                    + arn.region()
                                    + "' in "
                                    + given.get()
                                    + " differs from the region column "
                                    + region,
                            "make the stream ARN and the region agree");
                }
                return arn.toString();
            } catch (InvalidArnException e) {
                problem(STREAM, e.getMessage(), streamHint());
                return null;
            }
        }

        private String roleArn(String id, String account, String region) {
            Optional<String> given = raw.get(ROLE);
            if (given.isEmpty()) {
                return account == null ? needAccount() : workshop.roleArn(id, account, region);
            }
            try {
                String role = Arn.iamRole(given.get()).toString();
                if (!workshop.mayAssume(role, region)) {
                    problem(
                            ROLE,
                            "role "
                                    + role
                                    + " is outside the roles the fan-out role may assume ("
                                    + workshop.assumableRoles(region)
                                    + ", the workshop's assumableRolePattern): AWS would refuse"
                                    + " AssumeRole at class time",
                            "use the student's role that matches it, e.g. "
                                    + workshop.roleArn(
                                            id == null ? "ab12" : id,
                                            Arn.iamRole(role).account(),
                                            region)
                                    + ", or leave the column empty for the workshop's");
                    return null;
                }
                return role;
            } catch (InvalidArnException e) {
                problem(
                        ROLE,
                        e.getMessage(),
                        "use a role ARN such as "
                                + workshop.roleArn(
                                        id == null ? "ab12" : id, "123456789012", region));
                return null;
            }
        }

        private String needAccount() {
            if (ok) {
                problem(
                        ACCOUNT,
                        "no account, and no stream and role ARNs to take it from",
                        "fill the account column (12 digits), or give both stream and role as ARNs");
            }
            return null;
        }

        private boolean parallel() {
            Optional<String> value = raw.get(PARALLEL).map(v -> v.toLowerCase(Locale.ROOT));
            if (value.isEmpty()) {
                return workshop.parallel();
            }
            if (TRUE.contains(value.get()) || FALSE.contains(value.get())) {
                return TRUE.contains(value.get());
            }
            problem(
                    PARALLEL,
                    "'" + raw.get(PARALLEL).get() + "' is not true or false",
                    "write true or false, or leave it empty for the workshop's default ("
                            + workshop.parallel()
                            + ")");
            return false;
        }

        private void text(String column) {
            raw.get(column)
                    .filter(v -> v.length() > MAX_TEXT)
                    .ifPresent(
                            v ->
                                    problem(
                                            column,
                                            "longer than " + MAX_TEXT + " characters",
                                            "shorten it"));
        }

        private String streamHint() {
            return "use the stream's name or its ARN arn:PARTITION:kinesis:REGION:ACCOUNT:stream/NAME";
        }

        private String pattern() {
            return workshop.idPattern().pattern();
        }

        private void problem(String column, String message, String hint) {
            ok = false;
            problems.add(
                    new RosterProblem(
                            raw.line(), column, roster.columnNumber(column), message, hint));
        }
    }
}
