package fanout.console.tui.dashboard;

import static fanout.console.tui.Fakes.destination;
import static org.assertj.core.api.Assertions.assertThat;

import fanout.console.status.DestinationState;
import fanout.console.status.DestinationStatus;
import fanout.console.status.StatusCost;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardRowsTest {

    private static List<String> ids(List<DestinationStatus> rows) {
        return rows.stream().map(DestinationStatus::id).toList();
    }

    @Test
    void worstComeFirst() {
        List<DestinationStatus> rows =
                DashboardRows.order(
                        List.of(
                                destination("a", "A", DestinationState.OK),
                                destination("b", "B", DestinationState.IDLE),
                                destination("c", "C", DestinationState.ERROR),
                                destination("d", "D", DestinationState.INACTIVE),
                                destination("e", "E", DestinationState.LAG),
                                destination("f", "F", DestinationState.WAITING)),
                        List.of());
        assertThat(ids(rows)).containsExactly("c", "e", "f", "a", "b", "d");
    }

    @Test
    void theDashboardSortsStatesInTheOneOrderStatusUses() {
        List<DestinationStatus> everyState = new java.util.ArrayList<>();
        for (DestinationState state : DestinationState.values()) {
            everyState.add(0, destination(state.name(), state.name(), state));
        }
        List<DestinationStatus> rows = DashboardRows.order(everyState, List.of());
        assertThat(rows)
                .extracting(DestinationStatus::state)
                .containsExactlyElementsOf(DestinationState.WORST_FIRST);
    }

    @Test
    void equalsKeepTheirPreviousPlaceSoARefreshDoesNotShuffleThem() {
        List<DestinationStatus> rows =
                DashboardRows.order(
                        List.of(
                                destination("a", "A", DestinationState.OK),
                                destination("b", "B", DestinationState.OK),
                                destination("c", "C", DestinationState.OK)),
                        List.of("c", "a", "b"));
        assertThat(ids(rows)).containsExactly("c", "a", "b");
    }

    @Test
    void theCursorFollowsTheSameDestinationWhenItMoves() {
        List<DestinationStatus> rows =
                List.of(
                        destination("x", "X", DestinationState.ERROR),
                        destination("a", "A", DestinationState.OK));
        assertThat(DashboardRows.follow(rows, "a", 0)).isEqualTo(1);
        assertThat(DashboardRows.follow(rows, "gone", 5)).isEqualTo(1);
    }

    @Test
    void faultsOnlyKeepsErrorsAndLag() {
        List<DestinationStatus> rows =
                DashboardRows.visible(
                        List.of(
                                destination("a", "A", DestinationState.OK),
                                destination("c", "C", DestinationState.ERROR),
                                destination("e", "E", DestinationState.LAG)),
                        "",
                        true);
        assertThat(ids(rows)).containsExactly("c", "e");
    }

    @Test
    void ratesAndAgesReadAsPeopleSayThem() {
        assertThat(Columns.perMinute(600, 300)).isEqualTo("120");
        assertThat(Columns.perMinute(3, 300)).isEqualTo("0.6");
        assertThat(Columns.lag(null)).isEqualTo("-");
        assertThat(Columns.lag(850L)).isEqualTo("850ms");
        assertThat(Columns.lag(75_000L)).isEqualTo("1m");
        assertThat(Columns.humanDuration(Duration.ofSeconds(7200))).isEqualTo("2h");
    }

    @Test
    void cloudWatchCostGrowsWithDestinationsAndShrinksWithTheInterval() {
        double everyMinute = StatusCost.perHour(25, Duration.ofSeconds(60));
        assertThat(everyMinute)
                .isCloseTo(60 * (25 * 6 + 7) * 0.00001, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(StatusCost.perHour(25, Duration.ofSeconds(120)))
                .isCloseTo(everyMinute / 2, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void sparklinesScaleToTheLargestValueAndLeaveZerosBlank() {
        assertThat(Sparkline.of(List.of(0L, 1L, 8L), false)).isEqualTo(" _#");
        assertThat(Sparkline.of(List.of(0L, 0L), true)).isEqualTo("  ");
    }
}
