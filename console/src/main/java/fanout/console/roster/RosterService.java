package fanout.console.roster;

import fanout.console.mapping.BatchWriteOutcome;
import fanout.console.mapping.MappingConflictException;
import fanout.console.mapping.MappingRepository;
import fanout.console.workshop.Workshop;
import fanout.mapping.Arn;
import fanout.mapping.Mapping;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Bulk registration from a roster: {@link #plan} reads and checks the file and diffs it against the
 * table without writing; {@link #apply} writes the plan. The command and the full-screen console
 * both use it.
 */
public record RosterService(Workshop workshop, MappingRepository repository) {

    public RosterPlan plan(Reader csv, String sourceName, String sourceArn) {
        ParsedRoster parsed = new RosterParser().parse(csv);
        List<RosterProblem> problems = new ArrayList<>(parsed.problems());
        List<RosterRow> rows = new RosterValidator(workshop).validate(parsed, problems);
        problems.sort(Comparator.comparingInt(RosterProblem::line));
        List<String> warnings = new ArrayList<>(parsed.warnings());
        for (RosterRow row : rows) {
            String streamAccount = Arn.kinesisStream(row.streamArn()).account();
            String roleAccount = Arn.iamRole(row.roleArn()).account();
            if (!streamAccount.equals(roleAccount)) {
                warnings.add(
                        "line "
                                + row.line()
                                + ": the stream is in account "
                                + streamAccount
                                + " but the role in "
                                + roleAccount
                                + ": the role must be allowed to write to that stream");
            }
        }
        Set<String> mentioned = new HashSet<>();
        parsed.rows().forEach(raw -> raw.get(RosterColumns.ID).ifPresent(mentioned::add));
        List<Mapping> existing = repository.list(sourceArn);
        List<RosterChange> changes = RosterDiff.compute(sourceArn, rows, existing, mentioned);
        return new RosterPlan(
                sourceName, sourceArn, parsed.rows().size(), rows, problems, warnings, changes);
    }

    /**
     * Writes new rows in batches, changed rows with conditional updates (keeping attributes the
     * roster does not own), activates with {@code activate}, removes with {@code prune}. Invalid
     * lines were never in the plan's rows, so they are never written.
     */
    public ImportResult apply(RosterPlan plan, boolean activate, boolean prune) {
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> activated = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<Mapping> fresh =
                plan.of(RosterChange.Kind.NEW).stream()
                        .map(c -> c.wanted().withActive(activate))
                        .toList();
        BatchWriteOutcome outcome = repository.createAll(fresh);
        outcome.done().forEach(m -> created.add(m.id()));
        if (activate) {
            outcome.done().forEach(m -> activated.add(m.id()));
        }
        outcome.failed()
                .forEach(
                        m ->
                                failures.add(
                                        m.id()
                                                + ": not written (DynamoDB kept it unprocessed); import again"));
        int unchanged = 0;
        for (RosterChange change : plan.changes()) {
            boolean changed = change.kind() == RosterChange.Kind.CHANGED;
            boolean toActivate =
                    activate
                            && (changed || change.kind() == RosterChange.Kind.UNCHANGED)
                            && !change.existing().active();
            if (change.kind() == RosterChange.Kind.UNCHANGED && !toActivate) {
                unchanged++;
            }
            if (!changed && !toActivate) {
                continue;
            }
            Mapping target =
                    changed
                            ? RosterDiff.merge(change.existing(), change.wanted())
                            : change.existing();
            try {
                repository.update(toActivate ? target.withActive(true) : target);
                (changed ? updated : activated).add(change.id());
                if (changed && toActivate) {
                    activated.add(change.id());
                }
            } catch (MappingConflictException e) {
                failures.add(e.getMessage());
            }
        }
        if (prune) {
            List<Mapping> gone =
                    plan.of(RosterChange.Kind.REMOVED).stream()
                            .map(RosterChange::existing)
                            .toList();
            BatchWriteOutcome deleted = repository.deleteAll(gone);
            deleted.done().forEach(m -> removed.add(m.id()));
            deleted.failed().forEach(m -> failures.add(m.id() + ": not removed; import again"));
        }
        return new ImportResult(
                created, updated, activated, unchanged, removed, plan.invalidLines(), failures);
    }

    /** The source's mappings as roster rows that {@link #plan} accepts back unchanged. */
    public List<List<String>> export(String sourceArn) {
        List<Mapping> mappings = new ArrayList<>(repository.list(sourceArn));
        mappings.sort(Comparator.comparing(Mapping::id));
        List<List<String>> rows = new ArrayList<>();
        for (Mapping m : mappings) {
            String account = "";
            if (m.role() != null) {
                try {
                    account = Arn.iamRole(m.role()).account();
                } catch (IllegalArgumentException e) {
                    account = "";
                }
            }
            rows.add(
                    List.of(
                            m.id(),
                            account,
                            orEmpty(m.region()),
                            orEmpty(m.destinationStreamName()),
                            orEmpty(m.role()),
                            orEmpty(m.externalId()),
                            orEmpty(m.name()),
                            orEmpty(m.helper()),
                            Boolean.toString(m.parallel())));
        }
        return rows;
    }

    /** One example row for the workshop, stream and role left for the templates to fill. */
    public List<String> templateRow() {
        return List.of(
                "ab12",
                "123456789012",
                workshop.region(),
                "",
                "",
                "",
                "Ada Byron",
                "table-1",
                Boolean.toString(workshop.parallel()));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
