package fanout.console.mapping;

import fanout.mapping.Mapping;
import java.util.List;

/** A mapping before and after {@code update}. */
public record UpdateResult(Mapping before, Mapping after, List<String> warnings) {
    public UpdateResult {
        warnings = List.copyOf(warnings);
    }

    public boolean changed() {
        return before.version() != after.version();
    }
}
