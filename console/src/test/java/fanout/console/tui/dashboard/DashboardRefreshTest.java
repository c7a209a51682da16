package fanout.console.tui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DashboardRefreshTest {

    @Test
    void failedRefreshesDoubleTheWaitUpToTenMinutes() {
        Duration minute = Duration.ofMinutes(1);
        assertThat(DashboardView.refreshAfter(minute, 0)).isEqualTo(minute);
        assertThat(DashboardView.refreshAfter(minute, 1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(DashboardView.refreshAfter(minute, 3)).isEqualTo(Duration.ofMinutes(8));
        assertThat(DashboardView.refreshAfter(minute, 4)).isEqualTo(DashboardView.MAX_BACKOFF);
        assertThat(DashboardView.refreshAfter(minute, 40)).isEqualTo(DashboardView.MAX_BACKOFF);
    }

    @Test
    void theWaitDoublesSixTimesAtMost() {
        Duration sandbox = Duration.ofSeconds(5);
        assertThat(DashboardView.refreshAfter(sandbox, 6)).isEqualTo(Duration.ofSeconds(320));
        assertThat(DashboardView.refreshAfter(sandbox, 9)).isEqualTo(Duration.ofSeconds(320));
    }

    @Test
    void withoutFailuresALongIntervalIsKeptEvenAboveTheCap() {
        Duration quarterHour = Duration.ofMinutes(15);
        assertThat(DashboardView.refreshAfter(quarterHour, 0)).isEqualTo(quarterHour);
        assertThat(DashboardView.refreshAfter(quarterHour, 1)).isEqualTo(DashboardView.MAX_BACKOFF);
    }
}
