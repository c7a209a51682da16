package fanout.console.roster;

import java.util.List;

/**
 * What applying a roster did.
 *
 * @param created ids of new mappings written
 * @param updated ids of changed mappings written
 * @param activated ids activated (new, changed or unchanged rows, with activate)
 * @param unchanged how many rows needed nothing
 * @param removed ids removed (with prune)
 * @param invalid roster lines that were not written because of problems
 * @param failures one message per id that could not be written
 */
public record ImportResult(
        List<String> created,
        List<String> updated,
        List<String> activated,
        int unchanged,
        List<String> removed,
        long invalid,
        List<String> failures) {

    public ImportResult {
        created = List.copyOf(created);
        updated = List.copyOf(updated);
        activated = List.copyOf(activated);
        removed = List.copyOf(removed);
        failures = List.copyOf(failures);
    }

    public boolean nothingDone() {
        return created.isEmpty() && updated.isEmpty() && activated.isEmpty() && removed.isEmpty();
    }

    /** Complete when every valid row was written and no line was invalid. */
    public boolean complete() {
        return invalid == 0 && failures.isEmpty();
    }

    /** "12 unchanged, nothing to do" or "3 new, 1 changed, 2 activated, 8 unchanged". */
    public String summary() {
        if (nothingDone() && failures.isEmpty()) {
            return unchanged + " unchanged, nothing to do" + invalidSuffix();
        }
        StringBuilder text = new StringBuilder();
        text.append(created.size()).append(" new, ").append(updated.size()).append(" changed");
        if (!activated.isEmpty()) {
            text.append(", ").append(activated.size()).append(" activated");
        }
        text.append(", ").append(unchanged).append(" unchanged");
        if (!removed.isEmpty()) {
            text.append(", ").append(removed.size()).append(" removed");
        }
        if (!failures.isEmpty()) {
            text.append(", ").append(failures.size()).append(" failed");
        }
        return text + invalidSuffix();
    }

    private String invalidSuffix() {
        return invalid == 0
                ? ""
                : "; " + invalid + " invalid line" + (invalid == 1 ? "" : "s") + " not written";
    }
}
