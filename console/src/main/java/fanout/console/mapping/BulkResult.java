package fanout.console.mapping;

import java.util.List;

/**
 * What a bulk command (activate, deactivate, unregister) did, by id.
 *
 * @param changed ids changed (or removed)
 * @param unchanged ids already in the wanted state
 * @param missing ids asked for that the source does not have
 * @param failed one message per id that could not be written
 */
public record BulkResult(
        List<String> changed, List<String> unchanged, List<String> missing, List<String> failed) {
    public BulkResult {
        changed = List.copyOf(changed);
        unchanged = List.copyOf(unchanged);
        missing = List.copyOf(missing);
        failed = List.copyOf(failed);
    }

    public boolean complete() {
        return missing.isEmpty() && failed.isEmpty();
    }
}
