package fanout.console.status;

import fanout.mapping.Mapping;
import fanout.state.LastError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Folds what one refresh read into rows and class-wide causes, in two passes: first how far the
 * class lags alike (so a student is LAG only beyond it), then each row's state, then the causes
 * most of the class shares. Pure, so a backlog-shaped minute series can be replayed in a test.
 */
public final class StatusFold {
    private StatusFold() {}

    /** The rows worst first, the class's causes, and the function's health. */
    public record Result(
            List<DestinationStatus> rows, List<ClassCause> causes, FunctionHealth health) {
        public Result {
            rows = List.copyOf(rows);
            causes = List.copyOf(causes);
        }
    }

    /**
     * @param behind per mapping id, how far it is behind while catching up from the source
     * @param report the metrics, null when they could not be read
     * @param windowStart the first minute of the window
     */
    public static Result fold(
            List<Mapping> mappings,
            Map<String, LastError> errors,
            Map<String, Behind> behind,
            MetricsReport report,
            FunctionFacts function,
            Duration lagThreshold,
            Instant now,
            Instant windowStart,
            String region) {
        FunctionHealth health = report == null ? FunctionHealth.UNKNOWN : report.health();
        List<Long> recentLags = new ArrayList<>();
        if (report != null) {
            Instant recent = report.recent().completeAt(now);
            for (Mapping mapping : mappings) {
                if (mapping.active()) {
                    recentLags.add(
                            DestinationRows.recentLag(report.recent(), mapping.id(), recent));
                }
            }
        }
        Long classLag =
                ClassDiagnosis.classLagMs(recentLags, health.iteratorAgeNowMs(), lagThreshold);
        long windowSeconds = Math.max(1, Duration.between(windowStart, now).toSeconds());
        Remedies.Context remedies =
                new Remedies.Context(
                        function.functionName(),
                        region,
                        function.roleArn(),
                        report == null ? 0 : report.recordsIn() / (double) windowSeconds);
        DestinationRows.Refresh refresh =
                new DestinationRows.Refresh(
                        report, function, lagThreshold, now, windowStart, classLag, remedies);
        List<DestinationStatus> rows = new ArrayList<>();
        for (Mapping mapping : mappings) {
            rows.add(
                    DestinationRows.row(
                            mapping, errors.get(mapping.id()), behind.get(mapping.id()), refresh));
        }
        List<ClassCause> causes =
                ClassDiagnosis.diagnose(rows, health, classLag, lagThreshold, remedies);
        rows = new ArrayList<>(DestinationRows.covered(rows, causes));
        rows.sort(DestinationRows.WORST_FIRST);
        return new Result(rows, causes, health);
    }
}
