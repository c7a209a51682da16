package fanout.console.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code status --sort stuck}: the next desk to visit first. */
class StuckOrderTest {
    @Test
    void stuckStudentsRankLongestFirstGroupedByHelper() {
        Instant now = Instant.parse("2026-11-25T10:03:30Z");
        DestinationStatus a = row("a", "sam", now.minusSeconds(60));
        DestinationStatus b = row("b", "kim", now.minusSeconds(600));
        DestinationStatus c = row("c", "sam", now.minusSeconds(900));
        DestinationStatus d = row("d", "kim", now.minusSeconds(30));
        DestinationStatus fine = row("e", "kim", null);
        List<DestinationStatus> sorted = StuckOrder.sort(List.of(fine, a, b, c, d));
        assertThat(sorted.stream().map(DestinationStatus::id))
                .containsExactly("c", "a", "b", "d", "e");
    }

    private static DestinationStatus row(String id, String helper, Instant notOkSince) {
        DestinationState state = notOkSince == null ? DestinationState.OK : DestinationState.ERROR;
        return DestinationStatus.builder(id, state)
                .name(id)
                .helper(helper)
                .active(true)
                .reason("")
                .fix("")
                .notOkSince(notOkSince)
                .build();
    }
}
