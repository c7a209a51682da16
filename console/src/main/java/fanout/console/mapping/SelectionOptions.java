package fanout.console.mapping;

import fanout.console.problem.BadInputException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --id} (one, a comma-separated list, or repeated) or {@code --all}. */
public final class SelectionOptions {
    @Option(
            names = "--id",
            split = ",",
            paramLabel = "ID",
            description = "Target id; a comma-separated list or repeated for several.")
    List<String> ids = new ArrayList<>();

    @Option(names = "--all", description = "Every mapping of the source.")
    boolean all;

    IdSelection selection() {
        if (all && !ids.isEmpty()) {
            throw new BadInputException("give either --id or --all, not both");
        }
        if (all) {
            return IdSelection.all();
        }
        if (ids.stream().allMatch(String::isBlank)) {
            throw new BadInputException("--id is required (or --all for every mapping)");
        }
        return IdSelection.of(ids);
    }
}
