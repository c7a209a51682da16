package fanout.console.status;

import fanout.console.cli.Output;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders a {@link StatusSnapshot} as the text report or CSV rows of {@code status}. */
public final class StatusText {
    /** Last errors are cut to this many characters in the table; the detail lines have them all. */
    static final int ERROR_WIDTH = 60;

    static final List<String> HEADERS =
            List.of(
                    "ID",
                    "NAME",
                    "STATE",
                    "DELIVERED",
                    "FAILED",
                    "THROTTLED",
                    "REJECTED",
                    "LAG NOW",
                    "PEAK",
                    "NOT OK FOR",
                    "LAST DELIVERY",
                    "LAST ERROR");

    static final List<String> CSV_HEADERS =
            List.of(
                    "id",
                    "name",
                    "active",
                    "state",
                    "delivered",
                    "failed",
                    "throttled",
                    "rejected",
                    "resent",
                    "lagMs",
                    "lagNowMs",
                    "notOkSince",
                    "lastDeliveryAt",
                    "lastError",
                    "reason",
                    "classWide");

    private StatusText() {}

    public static void text(PrintWriter out, StatusSnapshot snapshot) {
        out.println(
                "account "
                        + orUnknown(snapshot.account())
                        + " | region "
                        + orUnknown(snapshot.region())
                        + " | function "
                        + snapshot.function());
        out.println(
                "source "
                        + snapshot.source()
                        + " | window "
                        + DurationConverter.format(Duration.ofSeconds(snapshot.windowSeconds()))
                        + " | data "
                        + dataAge(snapshot));
        out.println("states " + counts(snapshot.countsByState()));
        for (String problem : snapshot.problems()) {
            out.println("! " + problem);
        }
        banner(out, snapshot);
        out.println();
        List<List<String>> rows = new ArrayList<>();
        for (DestinationStatus row : snapshot.destinations()) {
            rows.add(textRow(row, snapshot.asOf()));
        }
        if (rows.isEmpty()) {
            out.println("no destinations registered for this source (see `fanout roster import`)");
        } else {
            Output.table(out, HEADERS, rows);
        }
        details(out, snapshot);
        out.flush();
    }

    public static void csv(PrintWriter out, StatusSnapshot snapshot) {
        List<List<String>> rows = new ArrayList<>();
        for (DestinationStatus row : snapshot.destinations()) {
            rows.add(
                    List.of(
                            row.id(),
                            orEmpty(row.name()),
                            Boolean.toString(row.active()),
                            row.state().name(),
                            Long.toString(row.delivered()),
                            Long.toString(row.failed()),
                            Long.toString(row.throttled()),
                            Long.toString(row.rejected()),
                            Long.toString(row.resent()),
                            row.lagMs() == null ? "" : row.lagMs().toString(),
                            row.lagNowMs() == null ? "" : row.lagNowMs().toString(),
                            row.notOkSince() == null ? "" : row.notOkSince().toString(),
                            row.lastDeliveryAt() == null ? "" : row.lastDeliveryAt().toString(),
                            orEmpty(row.lastError()),
                            orEmpty(row.reason()),
                            Boolean.toString(row.classWide())));
        }
        Output.csv(out, CSV_HEADERS, rows);
    }

    static String counts(Map<DestinationState, Integer> counts) {
        List<String> parts = new ArrayList<>();
        for (DestinationState state :
                List.of(
                        DestinationState.ERROR,
                        DestinationState.BEHIND,
                        DestinationState.LAG,
                        DestinationState.WAITING,
                        DestinationState.OK,
                        DestinationState.IDLE,
                        DestinationState.INACTIVE)) {
            parts.add(state.name() + " " + counts.get(state));
        }
        return String.join(" | ", parts);
    }

    /** "12m ago", "45s ago"; "-" when unknown. */
    static String ago(Instant then, Instant now) {
        if (then == null) {
            return "-";
        }
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        if (seconds < 60) {
            return seconds + "s ago";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m ago";
        }
        return seconds / 3600 + "h ago";
    }

    /** Class-wide causes, each once, above the table (the rows they cover say "class"). */
    static void banner(PrintWriter out, StatusSnapshot snapshot) {
        for (ClassCause cause : snapshot.classDiagnosis()) {
            out.println("CLASS: " + cause.headline());
            for (String line : cause.fix().split("\n")) {
                out.println("  fix: " + line);
            }
        }
    }

    private static void details(PrintWriter out, StatusSnapshot snapshot) {
        boolean first = true;
        for (DestinationStatus row : snapshot.destinations()) {
            DestinationState state = row.state();
            if (row.classWide()
                    || state == DestinationState.OK
                    || state == DestinationState.IDLE
                    || state == DestinationState.INACTIVE) {
                continue;
            }
            if (first) {
                out.println();
                first = false;
            }
            out.println(row.id() + " " + state + ": " + orEmpty(row.reason()));
            if (row.fix() != null && !row.fix().isEmpty()) {
                out.println("  fix: " + row.fix());
            }
            if (!row.action().isEmpty()) {
                for (String line : row.action().split("\n")) {
                    out.println("    " + line);
                }
            }
        }
    }

    private static List<String> textRow(DestinationStatus row, Instant now) {
        return List.of(
                row.id(),
                orEmpty(row.name()) + (row.selfRegistered() ? " (slack)" : ""),
                row.state().name(),
                Long.toString(row.delivered()),
                Long.toString(row.failed()),
                Long.toString(row.throttled()),
                Long.toString(row.rejected()),
                lag(row.lagNowMs()),
                lag(row.lagMs()),
                row.notOkSince() == null ? "-" : since(row.notOkSince(), now),
                ago(row.lastDeliveryAt(), now),
                truncate(row.lastError()));
    }

    private static String lag(Long millis) {
        return millis == null
                ? "-"
                : String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
    }

    /** "3m 10s", "45s": how long a destination has not been OK. */
    static String since(Instant then, Instant now) {
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m " + seconds % 60 + "s";
        }
        return seconds / 3600 + "h " + seconds % 3600 / 60 + "m";
    }

    private static String dataAge(StatusSnapshot snapshot) {
        if (snapshot.dataAsOf() == null) {
            return "none yet";
        }
        // The period the window was read with: CloudWatch keeps older data coarser.
        String resolution =
                MetricPeriods.resolution(java.time.Duration.ofSeconds(snapshot.windowSeconds()));
        return "as of "
                + snapshot.dataAsOf()
                + " ("
                + ago(snapshot.dataAsOf(), snapshot.asOf())
                + ", "
                + resolution
                + " resolution; states from the last complete "
                + (resolution.startsWith(MetricPeriods.RECENT_PERIOD_SECONDS + "-")
                        ? MetricPeriods.RECENT_PERIOD_SECONDS + " s"
                        : "minute")
                + ")";
    }

    static String truncate(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replace('\n', ' ').replace('\r', ' ');
        return line.length() <= ERROR_WIDTH ? line : line.substring(0, ERROR_WIDTH - 3) + "...";
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String orUnknown(String text) {
        return text == null ? "(unknown)" : text;
    }
}
