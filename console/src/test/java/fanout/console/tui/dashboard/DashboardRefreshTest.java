package fanout.console.tui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DashboardRefreshTest {

    @Test
    void failedRefreshesDoubleTheWaitUpToTenMinutes() {
        Duration minute = Duration.ofMinutes(1);
        assertThat(DashboardRefresh.refreshAfter(minute, 0)).isEqualTo(minute);
        assertThat(DashboardRefresh.refreshAfter(minute, 1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(DashboardRefresh.refreshAfter(minute, 3)).isEqualTo(Duration.ofMinutes(8));
        assertThat(DashboardRefresh.refreshAfter(minute, 4))
                .isEqualTo(DashboardRefresh.MAX_BACKOFF);
        assertThat(DashboardRefresh.refreshAfter(minute, 40))
                .isEqualTo(DashboardRefresh.MAX_BACKOFF);
    }

    @Test
    void theWaitDoublesSixTimesAtMost() {
        Duration sandbox = Duration.ofSeconds(5);
        assertThat(DashboardRefresh.refreshAfter(sandbox, 6)).isEqualTo(Duration.ofSeconds(320));
        assertThat(DashboardRefresh.refreshAfter(sandbox, 9)).isEqualTo(Duration.ofSeconds(320));
    }

    @Test
    void withoutFailuresALongIntervalIsKeptEvenAboveTheCap() {
        Duration quarterHour = Duration.ofMinutes(15);
        assertThat(DashboardRefresh.refreshAfter(quarterHour, 0)).isEqualTo(quarterHour);
        assertThat(DashboardRefresh.refreshAfter(quarterHour, 1))
                .isEqualTo(DashboardRefresh.MAX_BACKOFF);
    }
}
