package fanout.console.tui.service;

import fanout.console.Session;
import fanout.console.probe.ProbeRun;
import fanout.console.probe.ProbeService;
import fanout.console.session.RestoredClass;
import fanout.console.session.SessionLog;
import fanout.console.status.DestinationHistory;
import fanout.console.status.MinuteSample;
import fanout.console.status.StatusCost;
import fanout.console.status.StatusService;
import fanout.console.status.StatusSnapshot;
import fanout.console.tui.dashboard.History;
import fanout.console.tui.dashboard.StatusFeed;
import fanout.time.Sleeper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The dashboard's feed from the same {@link StatusService} as {@code fanout status}. */
final class ServiceStatusFeed implements StatusFeed {
    private final Session session;
    private final StatusService service;
    private final Path workingDirectory;
    private volatile String source;

    ServiceStatusFeed(Session session, Path workingDirectory) {
        this.session = session;
        this.service = new StatusService(session);
        this.workingDirectory = workingDirectory;
    }

    @Override
    public StatusSnapshot snapshot() {
        StatusSnapshot snapshot = service.snapshot(Optional.empty(), StatusService.DEFAULT_WINDOW);
        source = snapshot.source();
        try {
            SessionLog.of(workingDirectory, session, snapshot.source()).observe(snapshot);
        } catch (java.io.UncheckedIOException e) {
            return snapshot.withProblem("session log not written: " + e.getCause().getMessage());
        }
        return snapshot;
    }

    @Override
    public void refreshFacts() {
        service.refreshFacts();
    }

    @Override
    public Optional<StatusSnapshot> restored() {
        String arn = service.resolveSource(Optional.empty());
        SessionLog log = SessionLog.of(workingDirectory, session, arn);
        RestoredClass.Restored restored = RestoredClass.from(log.read());
        if (restored.rows().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                StatusSnapshot.builder(restored.lastSeen())
                        .region(session.region())
                        .function(session.functionName())
                        .source(arn)
                        .windowSeconds((int) StatusService.DEFAULT_WINDOW.toSeconds())
                        .destinations(restored.rows())
                        .problems(
                                List.of(
                                        "restored from "
                                                + log.file()
                                                + " (last seen "
                                                + restored.lastSeen()
                                                + "): refreshing"))
                        .build());
    }

    @Override
    public ProbeRun probe(List<String> ids, Duration timeout, Consumer<ProbeRun> progress) {
        ProbeRun run = new ProbeService(session, Sleeper.SYSTEM).probe(ids, timeout, progress);
        SessionLog.of(workingDirectory, session, run.sourceArn()).probe(run, run.results(true));
        return run;
    }

    @Override
    public History history(String id) {
        String arn = source != null ? source : service.resolveSource(Optional.empty());
        DestinationHistory history = service.history(arn, id, Duration.ofMinutes(History.MINUTES));
        List<Long> delivered = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        List<Long> throttled = new ArrayList<>();
        List<Long> lag = new ArrayList<>();
        for (MinuteSample minute : history.minutes()) {
            delivered.add(minute.delivered());
            failed.add(minute.failed() + minute.rejected());
            throttled.add(minute.throttled());
            lag.add(minute.lagMs() == null ? 0L : minute.lagMs());
        }
        return new History(id, delivered, failed, throttled, lag);
    }

    @Override
    public double costPerHour(int destinations, Duration interval) {
        return StatusCost.usdPerHour(service.metricsPerRefresh(destinations), interval);
    }
}
