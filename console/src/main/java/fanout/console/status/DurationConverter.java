package fanout.console.status;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations as people type them: {@code 90s}, {@code 5m}, {@code 1h}, {@code 1h30m}, {@code 500ms},
 * {@code 20d}. picocli names the option in the usage error.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|s|m|h|d))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        String text = value == null ? "" : value.trim().toLowerCase(java.util.Locale.ROOT);
        if (!WHOLE.matcher(text).matches()) {
            throw new TypeConversionException(
                    "'"
                            + value
                            + "' is not a duration: use a number and a unit, e.g. 90s, 5m, 1h, 2d");
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(text);
        while (part.find()) {
            long amount;
            try {
                amount = Long.parseLong(part.group(1));
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is too large");
            }
            try {
                total = total.plus(unit(amount, part.group(2)));
            } catch (ArithmeticException e) {
                throw new TypeConversionException("'" + value + "' is too large");
            }
        }
        if (total.isZero()) {
            throw new TypeConversionException("'" + value + "' must be longer than zero");
        }
        return total;
    }

    private static Duration unit(long amount, String unit) {
        switch (unit) {
            case "ms":
                return Duration.ofMillis(amount);
            case "s":
                return Duration.ofSeconds(amount);
            case "m":
                return Duration.ofMinutes(amount);
            case "h":
                return Duration.ofHours(amount);
            default:
                return Duration.ofDays(amount);
        }
    }

    /** The short form used in output: {@code 5m}, {@code 90s}, {@code 1h}. */
    public static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 86400 == 0 && seconds > 0) {
            return seconds / 86400 + "d";
        }
        if (seconds % 3600 == 0 && seconds > 0) {
            return seconds / 3600 + "h";
        }
        if (seconds % 60 == 0 && seconds > 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
