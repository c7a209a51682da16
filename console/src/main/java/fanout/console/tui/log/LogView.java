package fanout.console.tui.log;

import fanout.console.aws.AwsCall;
import fanout.console.tui.Canvas;
import fanout.console.tui.KeyBinding;
import fanout.console.tui.Scroll;
import fanout.console.tui.Tone;
import fanout.console.tui.View;
import fanout.console.tui.ViewContext;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Every call the console made, newest first, with its outcome and duration ({@code @}). */
public final class LogView implements View, View.Filterable {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final ViewContext context;
    private final Scroll scroll;
    private String filter = "";

    public LogView(ViewContext context) {
        this.context = context;
        this.scroll = new Scroll(() -> lines(context.log().calls(), filter).size());
    }

    @Override
    public String title() {
        return "Command log";
    }

    @Override
    public List<KeyBinding> bindings() {
        return scroll.bindings("scroll to older calls", "scroll to newer calls");
    }

    /** Newest first, narrowed to calls whose line contains the filter. */
    static List<String> lines(List<AwsCall> calls, String filter) {
        List<String> lines = new ArrayList<>();
        String wanted = filter.trim().toLowerCase(Locale.ROOT);
        for (AwsCall call : calls) {
            String line =
                    String.format(
                            "%s  %-10s %-26s %-18s %6d ms",
                            TIME.format(call.at()),
                            call.service(),
                            call.operation(),
                            call.outcome(),
                            call.took().toMillis());
            if (wanted.isEmpty() || line.toLowerCase(Locale.ROOT).contains(wanted)) {
                lines.add(line);
            }
        }
        Collections.reverse(lines);
        return lines;
    }

    @Override
    public void render(Canvas canvas) {
        List<AwsCall> calls = context.log().calls();
        List<String> lines = lines(calls, filter);
        canvas.text(
                1,
                0,
                String.format(
                        "%-8s  %-10s %-26s %-18s %9s",
                        "TIME", "SERVICE", "OPERATION", "OUTCOME", "TOOK"),
                Tone.HEADER);
        if (lines.isEmpty()) {
            canvas.text(1, 1, "no calls yet", Tone.DIM);
        }
        int first = scroll.offset();
        for (int row = 1; row < canvas.height() && first + row - 1 < lines.size(); row++) {
            String line = lines.get(first + row - 1);
            canvas.text(1, row, line, line.contains(" ok ") ? Tone.NORMAL : Tone.BAD);
        }
    }

    @Override
    public Optional<Filterable> filterable() {
        return Optional.of(this);
    }

    @Override
    public String filter() {
        return filter;
    }

    @Override
    public void filter(String text) {
        filter = text == null ? "" : text;
        scroll.reset();
    }
}
