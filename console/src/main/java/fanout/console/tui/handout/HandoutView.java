package fanout.console.tui.handout;

import fanout.console.handout.Handout;
import fanout.console.handout.HandoutText;
import fanout.console.tui.Canvas;
import fanout.console.tui.Key;
import fanout.console.tui.KeyBinding;
import fanout.console.tui.Tone;
import fanout.console.tui.View;
import fanout.console.tui.ViewContext;
import java.util.List;

/**
 * The handout, for the projector: the account id in big digits, the role ARN and external id on
 * lines of their own (selectable in any terminal), and both policies of their role. Also written to
 * a file.
 */
public final class HandoutView implements View {
    /** The handout and the file it was written to. */
    private record Loaded(Handout handout, java.nio.file.Path file) {}

    private final ViewContext context;
    private final HandoutSource source;
    private Handout handout;
    private String written = "";

    /** 0: no policy, 1: the trust policy, 2: the permissions policy (one fits a projector). */
    private int policy;

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
                        "policies",
                        "show the trust policy, then the permissions policy, then neither",
                        () -> policy = (policy + 1) % 3),
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
        canvas.text(2, line++, handout.fanoutRoleArn(), Tone.TITLE);
        line++;
        canvas.text(2, line++, "EXTERNAL ID", Tone.HEADER);
        canvas.text(2, line++, HandoutText.externalId(handout), Tone.TITLE);
        line++;
        if (policy > 0) {
            canvas.text(
                    2,
                    line++,
                    policy == 1 ? "TRUST POLICY (t: permissions policy)" : "PERMISSIONS POLICY",
                    Tone.HEADER);
            String json =
                    (policy == 1 ? handout.trustPolicy() : handout.permissionsPolicy())
                            .toPrettyString();
            for (String text : json.split("\n")) {
                canvas.text(2, line++, text, Tone.NORMAL);
            }
        } else {
            canvas.text(2, line, "t shows the trust and permissions policies", Tone.DIM);
        }
    }
}
