package fanout.console.tui.dashboard;

import static fanout.console.tui.Fakes.destination;
import static org.assertj.core.api.Assertions.assertThat;

import fanout.console.status.DestinationState;
import fanout.console.status.DestinationStatus;
import fanout.console.tui.Fakes;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class RowFilterTest {
    private static final List<DestinationStatus> CLASS = Fakes.sampleClass().destinations();

    private static List<String> ids(String filter) {
        Predicate<DestinationStatus> predicate = RowFilter.parse(filter);
        return CLASS.stream().filter(predicate).map(DestinationStatus::id).toList();
    }

    @Test
    void aStatePrefixSelectsThatState() {
        assertThat(ids("state:err")).containsExactly("bob2", "gus7");
        assertThat(ids("s:LAG")).containsExactly("cy03");
    }

    @Test
    void columnFiltersCombineWithAnd() {
        assertThat(ids("state:err name:gus")).containsExactly("gus7");
    }

    @Test
    void aBareWordMatchesIdNameOrLastError() {
        assertThat(ids("ada")).containsExactly("ada1");
        assertThat(ids("notfound")).containsExactly("bob2", "gus7");
    }

    @Test
    void anEmptyFilterKeepsEverything() {
        assertThat(ids("  ")).hasSize(CLASS.size());
    }

    @Test
    void errorColumnMatchesCodeAndMessage() {
        assertThat(ids("error:resourcenotfound")).containsExactly("bob2", "gus7");
        assertThat(RowFilter.parse("error:x").test(destination("zz99", "Z", DestinationState.OK)))
                .isFalse();
    }
}
