package fanout.console.status;

import fanout.console.Session;
import fanout.console.aws.SourceStreams;
import fanout.console.problem.BadInputException;
import fanout.mapping.Arn;
import fanout.mapping.Mapping;
import fanout.metrics.MetricNames;
import fanout.state.LastError;
import fanout.time.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-destination forwarding status of one source: mappings and last errors from the tables,
 * metrics from CloudWatch, folded by {@link StateRules}. The {@code status} command and the
 * dashboard both call it. AWS failures become the snapshot's problems, and whatever could still be
 * read is shown.
 */
public final class StatusService {
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    /**
     * Windows are whole minutes ending with the current, partial one; a single minute read at its
     * top would hold seconds of data and show every student IDLE. Shorter windows read this.
     */
    public static final Duration SHORTEST_WINDOW = Duration.ofMinutes(2);

    public static final Duration DEFAULT_LAG_THRESHOLD = Duration.ofSeconds(60);

    private final Session session;
    private final MetricsSource metrics;
    private final SessionFacts reads;
    private final Duration lagThreshold;
    private Sleeper sleeper = Sleeper.SYSTEM;

    /** How long a Pending function (or one being updated) gets before status reads it again. */
    static final Duration SETTLE_WAIT = Duration.ofSeconds(3);

    public StatusService(Session session) {
        this(session, DEFAULT_LAG_THRESHOLD);
    }

    public StatusService(Session session, Duration lagThreshold) {
        this(session, new CloudWatchMetricsSource(session.aws().cloudWatch()), lagThreshold);
    }

    public StatusService(Session session, MetricsSource metrics, Duration lagThreshold) {
        this.session = Objects.requireNonNull(session, "session");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.lagThreshold = Objects.requireNonNull(lagThreshold, "lagThreshold");
        this.reads =
                new SessionFacts(
                        new SdkStatusReads(
                                session.aws().dynamo(),
                                session.aws().lambda(),
                                session.aws().sts()));
    }

    /**
     * Reads the account, the function and its hooks again at the next snapshot; until then they are
     * read once per service (one dashboard, one {@code status --watch}).
     */
    public void refreshFacts() {
        reads.forget();
    }

    /** Metrics one refresh of {@code destinations} destinations requests (for the cost). */
    public int metricsPerRefresh(int destinations) {
        return metrics.metricsPerRead(destinations);
    }

    /**
     * The source to report on: {@code --source-arn}, else the function's single Kinesis hook, else
     * the workshop's source stream.
     *
     * @throws BadInputException listing the hooks when there are several
     */
    public String resolveSource(Optional<String> sourceArn) {
        if (sourceArn.isPresent()) {
            return SourceStreams.resolve(session, sourceArn);
        }
        List<String> hooks = reads.kinesisHooks(session.functionName());
        if (hooks.size() == 1) {
            return hooks.get(0);
        }
        if (hooks.size() > 1) {
            throw new BadInputException(
                    "the function "
                            + session.functionName()
                            + " reads "
                            + hooks.size()
                            + " streams; pick one with --source-arn:\n  "
                            + String.join("\n  ", hooks));
        }
        return SourceStreams.resolve(session, Optional.empty());
    }

    public StatusSnapshot snapshot(Optional<String> sourceArn, Duration asked) {
        requirePositive(asked, "window");
        Duration window = asked.compareTo(SHORTEST_WINDOW) < 0 ? SHORTEST_WINDOW : asked;
        Instant now = session.clock().instant();
        StatusProblems problems = new StatusProblems();
        FunctionFacts function = function(problems);
        String source = resolveSource(sourceArn);
        String account =
                problems.attempt(
                        "finding your account (sts:GetCallerIdentity)", reads::account, null);
        List<Mapping> mappings =
                problems.attemptTable(
                        function.targetsTable(),
                        () -> reads.mappings(function.targetsTable(), source),
                        List.of());
        // One attempt for both reads of the state table, so a missing table is said once.
        StateItems state =
                problems.attemptTable(
                        function.stateTable(),
                        () ->
                                new StateItems(
                                        reads.lastErrors(function.stateTable(), source),
                                        Behind.of(reads.cursors(function.stateTable(), source))),
                        new StateItems(Map.of(), Map.of()));
        Map<String, LastError> errors = state.errors();
        Map<String, Behind> behind = state.behind();
        List<String> ids = mappings.stream().map(Mapping::id).toList();
        MetricsRequest request = request(function, source, ids, now, window);
        MetricsReport report =
                problems.attempt(
                        "reading metrics (cloudwatch:GetMetricData)",
                        () -> metrics.read(request),
                        null);
        StatusFold.Result folded =
                StatusFold.fold(
                        mappings,
                        errors,
                        behind,
                        report,
                        function,
                        lagThreshold,
                        now,
                        request.start(),
                        session.region());
        FunctionHealth health = folded.health();
        List<DestinationStatus> rows = folded.rows();
        List<ClassCause> causes = folded.causes();
        return new StatusSnapshot(
                now,
                account,
                session.region(),
                function.functionName(),
                source,
                (int) window.toSeconds(),
                report == null ? null : report.dataAsOf(),
                report == null ? 0 : report.recordsIn(),
                report == null ? null : report.iteratorAgeMs(),
                rows,
                problems.messages(),
                problems.missing(),
                metrics.metricsPerRead(ids.size()),
                causes,
                health,
                function.condition().note());
    }

    public DestinationHistory history(String sourceArn, String id, Duration span) {
        requirePositive(span, "span");
        Instant now = session.clock().instant();
        StatusProblems problems = new StatusProblems();
        FunctionFacts function = function(problems);
        MetricsRequest request = request(function, sourceArn, List.of(id), now, span);
        MetricsReport report =
                problems.attempt(
                        "reading metrics (cloudwatch:GetMetricData)",
                        () -> metrics.read(request),
                        null);
        List<MinuteSample> minutes =
                DestinationRows.everyMinute(
                        report == null ? List.of() : report.target(id).minutes(),
                        request.start(),
                        request.end());
        return new DestinationHistory(
                sourceArn, id, request.start(), request.end(), minutes, problems.messages());
    }

    /** Replaces the real wait before re-reading a settling function (tests do not sleep). */
    StatusService withSleeper(Sleeper value) {
        this.sleeper = Objects.requireNonNull(value, "sleeper");
        return this;
    }

    private FunctionFacts readFunction(String name, StatusProblems problems) {
        return problems.attempt(
                "reading the function (lambda:GetFunctionConfiguration)",
                () -> reads.function(name),
                null);
    }

    private FunctionFacts function(StatusProblems problems) {
        String name = session.functionName();
        FunctionFacts facts = readFunction(name, problems);
        if (facts != null && facts.found() && facts.condition().transitional()) {
            // Pending or an update in progress usually settles within seconds: wait and read once
            // more, so the snapshot says what is true now rather than what was true a moment ago.
            try {
                sleeper.sleep(SETTLE_WAIT);
                FunctionFacts again = readFunction(name, problems);
                facts = again == null ? facts : again;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (facts == null) {
            return FunctionFacts.missing(name);
        }
        String note = facts.found() ? facts.condition().note() : null;
        if (note != null) {
            problems.note("function " + name + ": " + note);
        }
        if (!facts.found()) {
            problems.missing(
                    "function " + name,
                    "the function "
                            + name
                            + " does not exist in "
                            + session.region()
                            + ": run `fanout deploy` (or pass --function, --region)");
        }
        return facts;
    }

    /** Whole minutes ending with the current (partial) one, as CloudWatch aggregates them. */
    private static MetricsRequest request(
            FunctionFacts function,
            String sourceArn,
            List<String> ids,
            Instant now,
            Duration window) {
        Instant end = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        long minutes = Math.max(1, (window.toSeconds() + 59) / 60);
        Instant start = end.minus(Duration.ofMinutes(minutes));
        return new MetricsRequest(
                function.namespace(),
                function.functionName(),
                sourceStream(sourceArn),
                ids,
                start,
                end);
    }

    /** The {@code SourceStream} dimension value the forwarder publishes: the stream's name. */
    static String sourceStream(String sourceArn) {
        try {
            Arn.kinesisStream(sourceArn);
        } catch (RuntimeException e) {
            throw new BadInputException("source " + sourceArn + ": " + e.getMessage());
        }
        return MetricNames.sourceStreamOf(sourceArn);
    }

    private record StateItems(Map<String, LastError> errors, Map<String, Behind> behind) {}

    private static void requirePositive(Duration value, String what) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new BadInputException(what + " must be positive, was " + value);
        }
    }
}
