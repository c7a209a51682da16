package fanout.console.tui;

import fanout.console.status.DestinationStatus;
import fanout.console.status.StatusSnapshot;
import fanout.console.tui.dashboard.History;
import fanout.console.tui.dashboard.StatusFeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A status feed whose next answer the test sets; probes are acknowledged from {@code probeAcks}.
 */
public final class FakeStatusFeed implements StatusFeed {
    public StatusSnapshot next = Fakes.sampleClass();
    public RuntimeException failure;
    public int snapshots;

    @Override
    public StatusSnapshot snapshot() {
        snapshots++;
        if (failure != null) {
            throw failure;
        }
        return next;
    }

    /** The acknowledgements the next probe gets: id to round trip in milliseconds. */
    public final Map<String, Long> probeAcks = new java.util.LinkedHashMap<>();

    public final List<List<String>> probes = new ArrayList<>();

    @Override
    public fanout.console.probe.ProbeRun probe(
            List<String> ids,
            java.time.Duration timeout,
            java.util.function.Consumer<fanout.console.probe.ProbeRun> progress) {
        probes.add(List.copyOf(ids));
        List<String> targets = new ArrayList<>();
        for (DestinationStatus row : next.destinations()) {
            if (row.active() && (ids.isEmpty() || ids.contains(row.id()))) {
                targets.add(row.id());
            }
        }
        Map<String, fanout.state.ProbeAck> acks = new java.util.HashMap<>();
        probeAcks.forEach(
                (id, millis) ->
                        acks.put(
                                id,
                                new fanout.state.ProbeAck("p1", id, Fakes.NOW.plusMillis(millis))));
        return new fanout.console.probe.ProbeRun(
                "p1", next.source(), Fakes.NOW, timeout, targets, List.of(), acks, Map.of());
    }

    @Override
    public History history(String id) {
        List<Long> delivered = new ArrayList<>();
        List<Long> zeros = new ArrayList<>();
        for (long minute = 0; minute < History.MINUTES; minute++) {
            delivered.add(minute % 10 * 12);
            zeros.add(0L);
        }
        return new History(id, delivered, zeros, zeros, zeros);
    }
}
