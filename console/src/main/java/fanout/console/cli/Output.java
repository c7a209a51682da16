package fanout.console.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Renders command results as text tables, JSON or CSV, the same way for every command. */
public final class Output {
    /** JSON as every command prints it: ISO-8601 times, nulls kept so fields are always present. */
    public static final ObjectMapper JSON =
            new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Output() {}

    /** One JSON document, indented for reading. */
    public static void json(PrintWriter out, Object value) {
        out.println(write(value, true));
        out.flush();
    }

    /** One JSON document on one line (for streams of objects, e.g. {@code --watch}). */
    public static void jsonLine(PrintWriter out, Object value) {
        out.println(write(value, false));
        out.flush();
    }

    /** An aligned text table with a header row. */
    public static void table(PrintWriter out, List<String> headers, List<List<String>> rows) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], cell(row, i).length());
            }
        }
        out.println(line(headers, widths));
        for (List<String> row : rows) {
            out.println(line(row, widths));
        }
        out.flush();
    }

    /**
     * RFC 4180 CSV with a header row. Cells a spreadsheet would run as a formula ({@code = + - @},
     * tab, CR) are prefixed with a quote so they stay text.
     */
    public static void csv(PrintWriter out, List<String> headers, List<List<String>> rows) {
        out.print(csvLine(headers));
        for (List<String> row : rows) {
            out.print(csvLine(row));
        }
        out.flush();
    }

    static String csvLine(List<String> cells) {
        List<String> escaped = new ArrayList<>();
        for (String cell : cells) {
            escaped.add(csvCell(cell));
        }
        return String.join(",", escaped) + "\r\n";
    }

    static String csvCell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",")
                || text.contains("\"")
                || text.contains("\n")
                || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static String line(List<String> row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String value = cell(row, i);
            line.append(value);
            if (i < widths.length - 1) {
                line.append(" ".repeat(widths[i] - value.length() + 2));
            }
        }
        return line.toString().stripTrailing();
    }

    private static String cell(List<String> row, int index) {
        String value = index < row.size() ? row.get(index) : null;
        return value == null ? "" : value;
    }

    private static String write(Object value, boolean indent) {
        try {
            return indent
                    ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value)
                    : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }
}
