package fanout.console.hook;

import java.util.ArrayList;
import java.util.List;

/** {@link HookSettings} differences of Lambda's mappings, for {@code doctor}. */
public final class HookDrift {
    private HookDrift() {}

    /** One line per mapping whose settings differ: "mapping UUID on ARN: X is A, needs B, ...". */
    public static List<String> describe(List<Hook> mappings) {
        List<String> lines = new ArrayList<>();
        for (Hook mapping : mappings) {
            if ("Deleting".equals(mapping.state())) {
                continue;
            }
            List<String> differences = HookSettings.differences(mapping);
            if (!differences.isEmpty()) {
                lines.add(
                        "mapping "
                                + mapping.uuid()
                                + " on "
                                + mapping.sourceArn()
                                + ": "
                                + String.join(", ", differences));
            }
        }
        return List.copyOf(lines);
    }
}
