package fanout.console.cursor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fanout.console.problem.BadInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SinceParserTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void anIsoInstantOrOffsetDateTimeIsTakenAsIs() {
        assertThat(SinceParser.parse("2026-11-25T09:00:00Z", CLOCK, BERLIN))
                .isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
        assertThat(SinceParser.parse("2026-11-25T09:00:00+01:00", CLOCK, BERLIN))
                .isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
    }

    @Test
    void aClockTimeIsLocalTimeToday() {
        assertThat(SinceParser.parse("09:30", CLOCK, BERLIN))
                .isEqualTo(Instant.parse("2026-11-25T08:30:00Z"));
        assertThat(SinceParser.parse("9:05", CLOCK, ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2026-11-25T09:05:00Z"));
    }

    @Test
    void aDurationCountsBackFromNow() {
        assertThat(SinceParser.parse("10m", CLOCK, BERLIN))
                .isEqualTo(Instant.parse("2026-11-25T09:50:00Z"));
        assertThat(SinceParser.parse("1h30m", CLOCK, BERLIN))
                .isEqualTo(Instant.parse("2026-11-25T08:30:00Z"));
        assertThat(SinceParser.parse("90s", CLOCK, BERLIN))
                .isEqualTo(Instant.parse("2026-11-25T09:58:30Z"));
    }

    @Test
    void nonsenseAndTheFutureAreUsageErrorsNamingTheOption() {
        assertThatThrownBy(() -> SinceParser.parse("yesterday", CLOCK, BERLIN))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("--since 'yesterday'");
        assertThatThrownBy(() -> SinceParser.parse("12:00", CLOCK, ZoneOffset.UTC))
                .hasMessageContaining("in the future");
        assertThatThrownBy(() -> SinceParser.parse("", CLOCK, BERLIN))
                .hasMessageContaining("expected an ISO-8601 time");
    }
}
