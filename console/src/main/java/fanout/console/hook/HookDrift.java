package fanout.console.hook;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;

/** {@link HookSettings} differences of Lambda's mappings, for {@code doctor}. */
public final class HookDrift {
    private HookDrift() {}

    /** One line per mapping whose settings differ: "mapping UUID on ARN: X is A, needs B, ...". */
    public static List<String> describe(List<EventSourceMappingConfiguration> mappings) {
        List<String> lines = new ArrayList<>();
        for (EventSourceMappingConfiguration mapping : mappings) {
            if ("Deleting".equals(mapping.state())) {
                continue;
            }
            List<String> differences = HookSettings.differences(Hook.of(mapping));
            if (!differences.isEmpty()) {
                lines.add(
                        "mapping "
                                + mapping.uuid()
                                + " on "
                                + mapping.eventSourceArn()
                                + ": "
                                + String.join(", ", differences));
            }
        }
        return List.copyOf(lines);
    }
}
