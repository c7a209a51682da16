package fanout.console.tui.roster;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The roster view's port: preview a CSV against the table, then import its valid rows. */
public interface RosterImport {
    /** The roster to offer first (the workshop's sample class in the sandbox). */
    Optional<Path> defaultRoster();

    Preview preview(Path csv) throws Exception;

    Summary apply(Preview preview) throws Exception;

    /** What a row would do to the table. */
    enum Change {
        NEW,
        CHANGED,
        UNCHANGED,
        INVALID
    }

    /** One roster line: its id and name, the change, and every problem with its line number. */
    record Line(int line, String id, String name, Change change, List<String> problems) {
        public Line {
            Objects.requireNonNull(change, "change is required");
            problems = List.copyOf(problems);
        }
    }

    /** A parsed, validated and diffed roster; {@code warnings} apply to the whole file. */
    record Preview(Path csv, List<Line> lines, List<String> warnings) {
        public Preview {
            Objects.requireNonNull(csv, "csv is required");
            lines = List.copyOf(lines);
            warnings = List.copyOf(warnings);
        }

        public long count(Change change) {
            return lines.stream().filter(line -> line.change() == change).count();
        }
    }

    /** What the import did. */
    record Summary(int created, int updated, int unchanged, int rejected) {}
}
