package fanout.console.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Windows are whole minutes ending with the current, partial one. A one-minute window read two
 * seconds into a minute would hold two seconds of data, and every student delivering 20 s ago would
 * show IDLE with nothing delivered.
 */
class StatusShortWindowTest {
    private static final Instant TOP_OF_A_MINUTE = Instant.parse("2026-11-29T10:04:02Z");

    @Test
    void aOneMinuteWindowReadAtTheTopOfAMinuteStillShowsWhoIsDeliveringNow() {
        StatusSnapshot snapshot = SampleClassStatus.at(TOP_OF_A_MINUTE, Duration.ofMinutes(1));

        DestinationStatus ada = row(snapshot, "ada1");
        assertThat(ada.state()).isEqualTo(DestinationState.OK);
        assertThat(ada.delivered()).isEqualTo(600);
        assertThat(snapshot.windowSeconds()).isEqualTo(120);
    }

    @Test
    void windowsOfTwoMinutesAndMoreAreReadAsAsked() {
        assertThat(SampleClassStatus.at(TOP_OF_A_MINUTE, Duration.ofMinutes(2)).windowSeconds())
                .isEqualTo(120);
        assertThat(SampleClassStatus.at(TOP_OF_A_MINUTE, Duration.ofMinutes(5)).windowSeconds())
                .isEqualTo(300);
    }

    private static DestinationStatus row(StatusSnapshot snapshot, String id) {
        return snapshot.destinations().stream()
                .filter(d -> d.id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
