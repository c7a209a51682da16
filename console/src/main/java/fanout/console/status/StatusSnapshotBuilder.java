package fanout.console.status;

import java.time.Instant;
import java.util.List;

/**
 * Builds a {@link StatusSnapshot} naming only the values a snapshot has (lists empty, the rest zero
 * or null), so a new field does not mean another delegating constructor.
 */
public final class StatusSnapshotBuilder {
    private Instant asOf;
    private String account;
    private String region;
    private String function;
    private String source;
    private int windowSeconds;
    private Instant dataAsOf;
    private long recordsIn;
    private Long iteratorAgeMs;
    private List<DestinationStatus> destinations = List.of();
    private List<String> problems = List.of();
    private List<String> missing = List.of();
    private int metricsPerRefresh;
    private List<ClassCause> classDiagnosis = List.of();
    private FunctionHealth functionHealth;
    private String functionState;

    StatusSnapshotBuilder(Instant asOf) {
        this.asOf = asOf;
    }

    StatusSnapshotBuilder(StatusSnapshot from) {
        this.asOf = from.asOf();
        this.account = from.account();
        this.region = from.region();
        this.function = from.function();
        this.source = from.source();
        this.windowSeconds = from.windowSeconds();
        this.dataAsOf = from.dataAsOf();
        this.recordsIn = from.recordsIn();
        this.iteratorAgeMs = from.iteratorAgeMs();
        this.destinations = from.destinations();
        this.problems = from.problems();
        this.missing = from.missing();
        this.metricsPerRefresh = from.metricsPerRefresh();
        this.classDiagnosis = from.classDiagnosis();
        this.functionHealth = from.functionHealth();
        this.functionState = from.functionState();
    }

    public StatusSnapshotBuilder account(String value) {
        this.account = value;
        return this;
    }

    public StatusSnapshotBuilder region(String value) {
        this.region = value;
        return this;
    }

    public StatusSnapshotBuilder function(String value) {
        this.function = value;
        return this;
    }

    public StatusSnapshotBuilder source(String value) {
        this.source = value;
        return this;
    }

    public StatusSnapshotBuilder windowSeconds(int value) {
        this.windowSeconds = value;
        return this;
    }

    public StatusSnapshotBuilder dataAsOf(Instant value) {
        this.dataAsOf = value;
        return this;
    }

    public StatusSnapshotBuilder recordsIn(long value) {
        this.recordsIn = value;
        return this;
    }

    public StatusSnapshotBuilder iteratorAgeMs(Long value) {
        this.iteratorAgeMs = value;
        return this;
    }

    public StatusSnapshotBuilder destinations(List<DestinationStatus> value) {
        this.destinations = value;
        return this;
    }

    public StatusSnapshotBuilder problems(List<String> value) {
        this.problems = value;
        return this;
    }

    public StatusSnapshotBuilder missing(List<String> value) {
        this.missing = value;
        return this;
    }

    public StatusSnapshotBuilder metricsPerRefresh(int value) {
        this.metricsPerRefresh = value;
        return this;
    }

    public StatusSnapshotBuilder classDiagnosis(List<ClassCause> value) {
        this.classDiagnosis = value;
        return this;
    }

    public StatusSnapshotBuilder functionHealth(FunctionHealth value) {
        this.functionHealth = value;
        return this;
    }

    public StatusSnapshotBuilder functionState(String value) {
        this.functionState = value;
        return this;
    }

    public StatusSnapshot build() {
        return new StatusSnapshot(
                asOf,
                account,
                region,
                function,
                source,
                windowSeconds,
                dataAsOf,
                recordsIn,
                iteratorAgeMs,
                destinations,
                problems,
                missing,
                metricsPerRefresh,
                classDiagnosis,
                functionHealth,
                functionState);
    }
}
