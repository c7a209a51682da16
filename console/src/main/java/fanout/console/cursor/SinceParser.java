package fanout.console.cursor;

import fanout.console.problem.BadInputException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code replay --since}: an ISO-8601 instant ({@code 2026-11-25T09:00:00Z}) or date-time
 * with offset, a local time of today ({@code 09:30}), or a duration back from now ({@code 10m},
 * {@code 2h}, {@code 90s}, {@code 1h30m}).
 */
public final class SinceParser {
    private static final Pattern DURATION =
            Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOCK_TIME = Pattern.compile("\\d{1,2}:\\d{2}(:\\d{2})?");

    private SinceParser() {}

    public static Instant parse(String text, Clock clock, ZoneId zone) {
        String value = text == null ? "" : text.trim();
        Instant now = clock.instant();
        Instant since = parseOrNull(value, now, zone);
        if (since == null) {
            throw new BadInputException(
                    "--since '"
                            + text
                            + "': expected an ISO-8601 time (2026-11-25T09:00:00Z), a local time"
                            + " of today (09:30) or a duration back from now (10m, 2h, 1h30m)");
        }
        if (since.isAfter(now)) {
            throw new BadInputException(
                    "--since '" + text + "' is " + since + ", in the future: nothing to replay");
        }
        return since;
    }

    private static Instant parseOrNull(String value, Instant now, ZoneId zone) {
        if (value.isEmpty()) {
            return null;
        }
        Matcher duration = DURATION.matcher(value);
        if (duration.matches() && !value.isEmpty()) {
            long seconds =
                    number(duration.group(1)) * 3600
                            + number(duration.group(2)) * 60
                            + number(duration.group(3));
            return now.minus(Duration.ofSeconds(seconds));
        }
        if (CLOCK_TIME.matcher(value).matches()) {
            try {
                LocalTime time = LocalTime.parse(value.length() == 4 ? "0" + value : value);
                return ZonedDateTime.ofInstant(now, zone).with(time).toInstant();
            } catch (DateTimeException e) {
                return null;
            }
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeException again) {
                return null;
            }
        }
    }

    private static long number(String group) {
        return group == null ? 0 : Long.parseLong(group);
    }
}
