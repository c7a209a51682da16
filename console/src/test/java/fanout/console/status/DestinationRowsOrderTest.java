package fanout.console.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DestinationRowsOrderTest {

    @Test
    void statusRanksEveryStateByTheOneWorstFirstOrder() {
        List<DestinationState> ranked =
                Arrays.stream(DestinationState.values())
                        .sorted(java.util.Comparator.comparingInt(DestinationState::severity))
                        .toList();
        assertThat(ranked).containsExactlyElementsOf(DestinationState.WORST_FIRST);
        assertThat(DestinationState.WORST_FIRST)
                .as("every state has a place")
                .containsExactlyInAnyOrder(DestinationState.values());
    }
}
