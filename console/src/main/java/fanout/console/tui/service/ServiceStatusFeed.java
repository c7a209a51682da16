package fanout.console.tui.service;

import fanout.console.Session;
import fanout.console.status.DestinationHistory;
import fanout.console.status.MinuteSample;
import fanout.console.status.StatusCost;
import fanout.console.status.StatusService;
import fanout.console.status.StatusSnapshot;
import fanout.console.tui.dashboard.History;
import fanout.console.tui.dashboard.StatusFeed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The dashboard's feed from the same {@link StatusService} as {@code fanout status}. */
final class ServiceStatusFeed implements StatusFeed {
    private final StatusService service;
    private volatile String source;

    ServiceStatusFeed(Session session) {
        this.service = new StatusService(session);
    }

    @Override
    public StatusSnapshot snapshot() {
        StatusSnapshot snapshot = service.snapshot(Optional.empty(), StatusService.DEFAULT_WINDOW);
        source = snapshot.source();
        return snapshot;
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
