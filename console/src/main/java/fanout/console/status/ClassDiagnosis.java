package fanout.console.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells a class-wide cause from a student's. When most active students lag alike, the function or
 * the source is behind (IteratorAge, Duration, Errors, Throttles say why), not their streams; when
 * most fail with the same error, it is one cause (e.g. the fan-out role was re-created), not 300.
 * Pure, like {@link StateRules}.
 */
public final class ClassDiagnosis {
    /** A shared error needs at least this many students, so two broken desks stay two rows. */
    static final int MIN_SHARED = 3;

    /**
     * With fewer delivering students than this, a lag is the class's only when the function's
     * IteratorAge says so too: one student alone cannot tell their stream from the function.
     */
    static final int MIN_FOR_MAJORITY = 3;

    private ClassDiagnosis() {}

    /**
     * How far the whole class lags alike now: the median lag of the active students that delivered
     * in the last minute, when at least half of them lag beyond the threshold; null when they do
     * not (then each lag is the student's own).
     */
    public static Long classLagMs(
            List<Long> recentLags, Long iteratorAgeNowMs, Duration threshold) {
        List<Long> lags = new ArrayList<>();
        recentLags.stream().filter(lag -> lag != null).forEach(lags::add);
        if (lags.isEmpty()) {
            return null;
        }
        long limit = threshold.toMillis();
        long lagging = lags.stream().filter(lag -> lag > limit).count();
        boolean functionBehind = iteratorAgeNowMs != null && iteratorAgeNowMs > limit;
        if (lagging * 2 < lags.size() || (lags.size() < MIN_FOR_MAJORITY && !functionBehind)) {
            return null;
        }
        Collections.sort(lags);
        return lags.get((lags.size() - 1) / 2);
    }

    /**
     * The class-wide causes, each once; the rows they cover are the returned causes' {@code ids}.
     */
    public static List<ClassCause> diagnose(
            List<DestinationStatus> rows,
            FunctionHealth health,
            Long classLagMs,
            Duration threshold,
            Remedies.Context context) {
        List<ClassCause> causes = new ArrayList<>();
        List<DestinationStatus> active = rows.stream().filter(DestinationStatus::active).toList();
        long limit = threshold.toMillis();
        boolean functionBehind =
                health.iteratorAgeNowMs() != null && health.iteratorAgeNowMs() > limit;
        if (classLagMs != null || functionBehind) {
            List<String> ids = new ArrayList<>();
            active.stream()
                    .filter(row -> row.lagNowMs() != null && row.lagNowMs() > limit)
                    .forEach(row -> ids.add(row.id()));
            causes.add(
                    new ClassCause(
                            ClassCause.FUNCTION,
                            ids.size(),
                            active.size(),
                            functionHeadline(health, classLagMs, ids.size(), active.size()),
                            Remedies.forFunction(health, context),
                            ids));
        }
        sharedError(active).ifPresent(causes::add);
        return causes;
    }

    private static String functionHeadline(
            FunctionHealth health, Long classLagMs, int lagging, int of) {
        StringBuilder text =
                new StringBuilder("the class lags alike, so the cause is the function");
        text.append(" or the source, not the students' streams");
        if (health.iteratorAgeNowMs() != null) {
            text.append(": the function is ")
                    .append(Remedies.seconds(health.iteratorAgeNowMs()))
                    .append(" behind the source now");
            if (health.iteratorAgePeakMs() != null) {
                text.append(" (peak ")
                        .append(Remedies.seconds(health.iteratorAgePeakMs()))
                        .append(")");
            }
        }
        if (classLagMs != null) {
            text.append("; ")
                    .append(lagging)
                    .append(" of ")
                    .append(of)
                    .append(" students lag about ")
                    .append(Remedies.seconds(classLagMs));
        }
        return text.toString();
    }

    private static java.util.Optional<ClassCause> sharedError(List<DestinationStatus> active) {
        Map<String, List<DestinationStatus>> byCause = new LinkedHashMap<>();
        for (DestinationStatus row : active) {
            if (row.state() == DestinationState.ERROR) {
                byCause.computeIfAbsent(causeKey(row), key -> new ArrayList<>()).add(row);
            }
        }
        List<DestinationStatus> largest = List.of();
        String key = null;
        for (Map.Entry<String, List<DestinationStatus>> entry : byCause.entrySet()) {
            if (entry.getValue().size() > largest.size()) {
                largest = entry.getValue();
                key = entry.getKey();
            }
        }
        if (largest.size() < MIN_SHARED || largest.size() * 2 < active.size()) {
            return java.util.Optional.empty();
        }
        List<String> ids = largest.stream().map(DestinationStatus::id).toList();
        return java.util.Optional.of(
                new ClassCause(
                        ClassCause.SHARED_ERROR,
                        ids.size(),
                        active.size(),
                        ids.size()
                                + " of "
                                + active.size()
                                + " students fail alike ("
                                + key
                                + "): one cause for the class, not theirs",
                        Remedies.forSharedError(key),
                        ids));
    }

    /** The error code when there is one, else the kind of reason (e.g. "no deliveries"). */
    static String causeKey(DestinationStatus row) {
        if (row.lastErrorCode() != null && !row.lastErrorCode().isBlank()) {
            return row.lastErrorCode();
        }
        String reason = row.reason() == null ? "" : row.reason();
        return reason.startsWith("no deliveries") ? "no deliveries" : reason;
    }
}
