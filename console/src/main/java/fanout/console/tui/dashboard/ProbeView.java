package fanout.console.tui.dashboard;

import fanout.console.probe.ProbeResult;
import fanout.console.probe.ProbeRun;
import fanout.console.tui.Canvas;
import fanout.console.tui.Tone;
import fanout.console.tui.View;
import fanout.console.tui.ViewContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A probe's answers as they arrive: who got it and their round trip in seconds, who did not and
 * why. The same {@code ProbeService} as {@code fanout probe}.
 */
final class ProbeView implements View {
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ViewContext context;
    private final StatusFeed feed;
    private final List<String> ids;
    private final Map<String, String> names;
    private ProbeRun run;
    private boolean finished;
    private String problem = "";

    ProbeView(ViewContext context, StatusFeed feed, List<String> ids, Map<String, String> names) {
        this.context = context;
        this.feed = feed;
        this.ids = List.copyOf(ids);
        this.names = Map.copyOf(names);
    }

    @Override
    public String title() {
        return "Probe";
    }

    @Override
    public void shown() {
        if (run != null || !problem.isEmpty()) {
            return;
        }
        context.status("probe sent; waiting for acknowledgements...", Tone.INFO);
        context.fetch(
                "probe " + (ids.isEmpty() ? "the class" : String.join(",", ids)),
                () -> feed.probe(ids, TIMEOUT, progress -> context.post(() -> run = progress)),
                done -> {
                    run = done;
                    finished = true;
                    context.status(
                            done.delivered()
                                    + " of "
                                    + (done.targets().size() + done.inactive().size())
                                    + " got the probe",
                            done.complete() && done.inactive().isEmpty() ? Tone.GOOD : Tone.WARN);
                },
                error -> {
                    problem = "probe failed: " + error.reason();
                    context.status(problem, Tone.BAD);
                });
    }

    @Override
    public void render(Canvas canvas) {
        if (!problem.isEmpty()) {
            canvas.text(1, 0, problem, Tone.BAD);
            return;
        }
        if (run == null) {
            canvas.text(1, 0, "writing the probe to the source...", Tone.DIM);
            return;
        }
        canvas.text(
                1,
                0,
                run.summary() + (finished ? "" : " (waiting up to " + TIMEOUT.toSeconds() + " s)"),
                Tone.HEADER);
        List<ProbeResult> results = new ArrayList<>(run.results(finished));
        results.sort(Comparator.comparing(ProbeResult::delivered).thenComparing(ProbeResult::id));
        var palette = canvas.palette();
        for (int i = 0; i < results.size() && i + 2 < canvas.height(); i++) {
            ProbeResult result = results.get(i);
            String name = Canvas.fit(names.getOrDefault(result.id(), ""), 20);
            String line =
                    result.delivered()
                            ? String.format(
                                    java.util.Locale.ROOT,
                                    "%s %-6s %s %5.1f s",
                                    palette.colourful() ? "\u2714" : "+",
                                    result.id(),
                                    name,
                                    result.roundTripMs() / 1000.0)
                            : String.format(
                                    "%s %-6s %s %s",
                                    palette.colourful() ? "\u2716" : "X",
                                    result.id(),
                                    name,
                                    result.error());
            Tone tone =
                    result.delivered()
                            ? Tone.GOOD
                            : "waiting".equals(result.error()) ? Tone.DIM : Tone.BAD;
            canvas.text(1, i + 2, line, tone);
        }
    }
}
