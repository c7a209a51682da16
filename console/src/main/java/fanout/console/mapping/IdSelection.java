package fanout.console.mapping;

import java.util.List;

/** Which mappings of a source a bulk command acts on. */
public sealed interface IdSelection {

    /** Every mapping of the source. */
    record All() implements IdSelection {}

    /** These ids, in the order given, without duplicates. */
    record Ids(List<String> ids) implements IdSelection {
        public Ids {
            ids = ids.stream().map(String::trim).filter(id -> !id.isEmpty()).distinct().toList();
            if (ids.isEmpty()) {
                throw new IllegalArgumentException("at least one id is required");
            }
        }
    }

    static IdSelection all() {
        return new All();
    }

    static IdSelection of(List<String> ids) {
        return new Ids(ids);
    }
}
