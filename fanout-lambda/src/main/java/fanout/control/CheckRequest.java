package fanout.control;

import java.util.List;
import java.util.Objects;

/** Check the targets {@code ids} of {@code sourceArn}; no ids means every mapping of the source. */
public record CheckRequest(String sourceArn, List<String> ids) {
    public CheckRequest {
        Objects.requireNonNull(sourceArn, "sourceArn is required");
        ids = List.copyOf(ids);
    }
}
