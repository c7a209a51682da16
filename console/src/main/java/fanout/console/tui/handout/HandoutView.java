package fanout.console.tui.handout;

import fanout.console.tui.Canvas;
import fanout.console.tui.Key;
import fanout.console.tui.KeyBinding;
import fanout.console.tui.Tone;
import fanout.console.tui.View;
import fanout.console.tui.ViewContext;
import java.util.List;

/**
 * The handout, for the projector: the account id in big digits, the role ARN and external id on
 * lines of their own (selectable in any terminal), and the trust policy. Also written to a file.
 */
public final class HandoutView implements View {
    /** The handout and the file it was written to. */
    private record Loaded(Handout handout, java.nio.file.Path file) {}

    private final ViewContext context;
    private final HandoutSource source;
    private Handout handout;
    private String written = "";
    private boolean showPolicy;

    public HandoutView(ViewContext context, HandoutSource source) {
        this.context = context;
        this.source = source;
    }

    @Override
    public String title() {
        return "Handout";
    }

    @Override
    public List<KeyBinding> bindings() {
        return List.of(
                KeyBinding.read(
                        Key.of('t'),
                        "trust policy",
                        "show or hide the trust policy",
                        () -> showPolicy = !showPolicy),
                KeyBinding.read(Key.of('r'), "reload", "read the handout again", this::load));
    }

    @Override
    public void shown() {
        if (handout == null) {
            load();
        }
    }

    private void load() {
        context.fetch(
                "handout",
                () -> {
                    Handout found = source.handout();
                    return new Loaded(found, source.write(found));
                },
                result -> {
                    handout = result.handout();
                    written = "also written to " + result.file() + " (copy it from there)";
                    context.status(written, Tone.INFO);
                },
                error ->
                        context.status(
                                "handout unavailable: " + error.reason() + " " + error.hint(),
                                Tone.BAD));
    }

    @Override
    public void render(Canvas canvas) {
        if (handout == null) {
            canvas.text(2, 1, "reading the installation...", Tone.DIM);
            return;
        }
        int line = 0;
        canvas.text(2, line++, "CORE ACCOUNT ID", Tone.HEADER);
        if (BigText.drawable(handout.coreAccount())
                && BigText.width(handout.coreAccount()) <= canvas.width() - 4) {
            char block = canvas.palette().colourful() ? '\u2588' : '#';
            for (String big : BigText.lines(handout.coreAccount(), block)) {
                canvas.text(2, line++, big, Tone.GOOD);
            }
        }
        canvas.text(2, line++, handout.coreAccount(), Tone.TITLE);
        line++;
        canvas.text(2, line++, "FAN-OUT ROLE ARN (your role must trust it)", Tone.HEADER);
        canvas.text(2, line++, handout.roleArn(), Tone.TITLE);
        line++;
        canvas.text(2, line++, "EXTERNAL ID", Tone.HEADER);
        canvas.text(
                2,
                line++,
                handout.externalId().isEmpty() ? "(none)" : handout.externalId(),
                Tone.TITLE);
        line++;
        if (showPolicy) {
            canvas.text(2, line++, "TRUST POLICY", Tone.HEADER);
            for (String policy : handout.trustPolicy().split("\n")) {
                canvas.text(2, line++, policy, Tone.NORMAL);
            }
        } else {
            canvas.text(2, line, "t shows the trust policy", Tone.DIM);
        }
    }
}
