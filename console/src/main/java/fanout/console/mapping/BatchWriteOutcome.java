package fanout.console.mapping;

import fanout.mapping.Mapping;
import java.util.List;

/** What a batch write did: rows written and rows still unprocessed after the retries. */
public record BatchWriteOutcome(List<Mapping> done, List<Mapping> failed) {
    public BatchWriteOutcome {
        done = List.copyOf(done);
        failed = List.copyOf(failed);
    }

    public boolean complete() {
        return failed.isEmpty();
    }
}
