package fanout.console.mapping;

import fanout.mapping.Mapping;
import java.util.List;

/**
 * A registered (or, with overwrite, replaced) mapping and anything worth a warning about it.
 *
 * @param replaced true when an existing row was overwritten
 */
public record RegisterResult(Mapping mapping, boolean replaced, List<String> warnings) {
    public RegisterResult {
        warnings = List.copyOf(warnings);
    }
}
