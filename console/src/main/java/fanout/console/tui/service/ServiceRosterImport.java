package fanout.console.tui.service;

import fanout.console.Session;
import fanout.console.aws.SourceStreams;
import fanout.console.mapping.TableOption;
import fanout.console.roster.ImportResult;
import fanout.console.roster.RosterChange;
import fanout.console.roster.RosterPlan;
import fanout.console.roster.RosterProblem;
import fanout.console.roster.RosterService;
import fanout.console.tui.roster.RosterImport;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Roster import through the same {@link RosterService} as {@code fanout roster import}. */
final class ServiceRosterImport implements RosterImport {
    private final Session session;
    private final Optional<Path> sample;

    /** The service's plan behind each preview shown, so import applies exactly what was shown. */
    private final Map<Preview, RosterPlan> plans = new ConcurrentHashMap<>();

    ServiceRosterImport(Session session, Optional<Path> sample) {
        this.session = session;
        this.sample = sample;
    }

    @Override
    public Optional<Path> defaultRoster() {
        return sample;
    }

    private RosterService service() {
        return new RosterService(
                session.workshop(), TableOption.repository(session, Optional.empty()));
    }

    @Override
    public Preview preview(Path csv) throws Exception {
        String source = SourceStreams.resolve(session, Optional.empty());
        RosterPlan plan;
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            plan = service().plan(reader, csv.toString(), source);
        }
        Preview preview = new Preview(csv, lines(plan), plan.warnings());
        plans.clear();
        plans.put(preview, plan);
        return preview;
    }

    static List<Line> lines(RosterPlan plan) {
        Map<Integer, List<String>> problems = new LinkedHashMap<>();
        for (RosterProblem problem : plan.problems()) {
            problems.computeIfAbsent(problem.line(), line -> new ArrayList<>())
                    .add(problem.describe().replace("\n  ", " - "));
        }
        List<Line> lines = new ArrayList<>();
        for (RosterChange change : plan.changes()) {
            if (change.kind() == RosterChange.Kind.REMOVED) {
                continue;
            }
            String name = change.wanted() == null ? "" : change.wanted().name();
            lines.add(
                    new Line(
                            change.line(),
                            change.id(),
                            name,
                            Change.valueOf(change.kind().name()),
                            change.differences()));
        }
        problems.forEach(
                (line, texts) -> lines.add(new Line(line, "?", "", Change.INVALID, texts)));
        lines.sort(Comparator.comparingInt(Line::line));
        return lines;
    }

    @Override
    public Summary apply(Preview preview) {
        RosterPlan plan = plans.get(preview);
        if (plan == null) {
            throw new IllegalStateException("preview the roster again before importing");
        }
        ImportResult result = service().apply(plan, false, false);
        return new Summary(
                result.created().size(),
                result.updated().size(),
                result.unchanged(),
                (int) result.invalid() + result.failures().size());
    }
}
