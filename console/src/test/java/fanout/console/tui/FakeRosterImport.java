package fanout.console.tui;

import fanout.console.tui.roster.RosterImport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A roster import over a fixed preview. */
public final class FakeRosterImport implements RosterImport {
    public final List<Path> previewed = new ArrayList<>();
    public int applied;
    public Path defaultPath;

    /** Runs after an import, e.g. to mark the setup's roster step done. */
    public Runnable afterApply = () -> {};

    @Override
    public Optional<Path> defaultRoster() {
        return Optional.ofNullable(defaultPath);
    }

    @Override
    public Preview preview(Path csv) {
        previewed.add(csv);
        return new Preview(
                csv,
                List.of(
                        new Line(2, "ada1", "Ada Lovelace", Change.NEW, List.of()),
                        new Line(3, "bob2", "Bob Barker", Change.CHANGED, List.of()),
                        new Line(4, "cy03", "Cy Young", Change.UNCHANGED, List.of()),
                        new Line(
                                5,
                                "x",
                                "Bad Row",
                                Change.INVALID,
                                List.of("line 5: id x does not match [a-z0-9]{4}"))),
                List.of("column shoe_size ignored"));
    }

    @Override
    public Summary apply(Preview preview) {
        applied++;
        afterApply.run();
        return new Summary(1, 1, 1, 1);
    }
}
