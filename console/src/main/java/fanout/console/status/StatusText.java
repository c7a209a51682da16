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
                    "LAG",
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
                    "lastDeliveryAt",
                    "lastError",
                    "reason");

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
                            row.lastDeliveryAt() == null ? "" : row.lastDeliveryAt().toString(),
                            orEmpty(row.lastError()),
                            orEmpty(row.reason())));
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

    private static void details(PrintWriter out, StatusSnapshot snapshot) {
        boolean first = true;
        for (DestinationStatus row : snapshot.destinations()) {
            DestinationState state = row.state();
            if (state == DestinationState.OK
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
        }
    }

    private static List<String> textRow(DestinationStatus row, Instant now) {
        return List.of(
                row.id(),
                orEmpty(row.name()),
                row.state().name(),
                Long.toString(row.delivered()),
                Long.toString(row.failed()),
                Long.toString(row.throttled()),
                Long.toString(row.rejected()),
                row.lagMs() == null ? "-" : String.format("%.1fs", row.lagMs() / 1000.0),
                ago(row.lastDeliveryAt(), now),
                truncate(row.lastError()));
    }

    private static String dataAge(StatusSnapshot snapshot) {
        if (snapshot.dataAsOf() == null) {
            return "none yet (CloudWatch has 1-minute resolution)";
        }
        return "as of "
                + snapshot.dataAsOf()
                + " ("
                + ago(snapshot.dataAsOf(), snapshot.asOf())
                + ", "
                + resolution(snapshot)
                + " resolution)";
    }

    /** The period the window was read with: CloudWatch keeps older data coarser. */
    private static String resolution(StatusSnapshot snapshot) {
        int period =
                MetricPeriods.periodSeconds(java.time.Duration.ofSeconds(snapshot.windowSeconds()));
        return period == 60 ? "1-minute" : period == 300 ? "5-minute" : "1-hour";
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
