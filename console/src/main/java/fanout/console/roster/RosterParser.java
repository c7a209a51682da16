package fanout.console.roster;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a roster: UTF-8 (a BOM is skipped), RFC 4180 quoting, CRLF or LF, a header row whose names
 * are case-insensitive, blank lines ignored. Problems carry the line number; nothing throws for bad
 * input.
 */
public final class RosterParser {
    /** A class bigger than this is a wrong file, not a class. */
    public static final int MAX_ROWS = 10_000;

    private static final String HEADER_EXAMPLE = "id,account,region,name,helper";
    private static final CsvFactory CSV = new CsvFactory();

    public ParsedRoster parse(Reader reader) {
        List<RosterProblem> problems = new ArrayList<>();
        List<String[]> lines = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        read(reader, lines, lineNumbers, problems);
        if (lines.isEmpty()) {
            if (problems.isEmpty()) {
                problems.add(
                        RosterProblem.line(
                                1,
                                "the roster is empty",
                                "start with the header line " + HEADER_EXAMPLE));
            }
            return new ParsedRoster(Map.of(), List.of(), problems, List.of());
        }
        Header header = Header.read(lines.get(0), lineNumbers.get(0), problems);
        if (header == null) {
            return new ParsedRoster(Map.of(), List.of(), problems, List.of());
        }
        List<RawRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            int line = lineNumbers.get(i);
            if (rows.size() == MAX_ROWS) {
                problems.add(
                        RosterProblem.line(
                                line,
                                "the roster has more than " + MAX_ROWS + " students",
                                "split the class into several rosters"));
                break;
            }
            header.row(lines.get(i), line, problems).ifPresent(rows::add);
        }
        List<String> warnings = new ArrayList<>(header.warnings());
        if (lines.size() == 1) {
            warnings.add("the roster has a header but no students");
        }
        return new ParsedRoster(header.known(), rows, problems, warnings);
    }

    /** Reads every non-blank CSV record with the line it starts on. */
    private static void read(
            Reader reader,
            List<String[]> lines,
            List<Integer> lineNumbers,
            List<RosterProblem> problems) {
        try (CsvParser parser = (CsvParser) CSV.createParser(reader)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token != JsonToken.START_ARRAY) {
                    continue;
                }
                int line = -1;
                List<String> cells = new ArrayList<>();
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                    if (line < 0) {
                        // The array's own start is reported on the line before; the first cell's
                        // location is the row's line.
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    cells.add(parser.getText());
                }
                if (lines.isEmpty() && !cells.isEmpty() && cells.get(0).startsWith("\uFEFF")) {
                    cells.set(0, cells.get(0).substring(1));
                }
                if (cells.stream().anyMatch(cell -> !cell.isBlank())) {
                    lines.add(cells.toArray(String[]::new));
                    lineNumbers.add(Math.max(line, 1));
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            int line = where == null ? 1 : Math.max(1, where.getLineNr());
            problems.add(
                    RosterProblem.line(
                            line,
                            "the file is not valid CSV here: " + e.getOriginalMessage(),
                            "close the quoted cell, or double a quote inside it (\"\"), then check"
                                    + " the lines after it"));
        } catch (java.nio.charset.CharacterCodingException e) {
            problems.add(
                    RosterProblem.line(
                            Math.max(
                                    1,
                                    lineNumbers.isEmpty()
                                            ? 1
                                            : lineNumbers.get(lineNumbers.size() - 1) + 1),
                            "the file is not UTF-8 text",
                            "save it as UTF-8 (in a spreadsheet: CSV UTF-8)"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the roster: " + e.getMessage(), e);
        }
    }

    /** The header row: which position holds which column. */
    private record Header(
            String[] names, Map<String, Integer> known, List<String> warnings, int line) {

        static Header read(String[] cells, int line, List<RosterProblem> problems) {
            String[] names = new String[cells.length];
            Map<String, Integer> known = new LinkedHashMap<>();
            List<String> unknown = new ArrayList<>();
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < cells.length; i++) {
                names[i] = cells[i].trim().toLowerCase(Locale.ROOT);
                if (names[i].isEmpty()) {
                    continue;
                }
                if (!seen.add(names[i])) {
                    problems.add(
                            new RosterProblem(
                                    line,
                                    names[i],
                                    i + 1,
                                    "column '" + names[i] + "' appears twice in the header",
                                    "keep one column named " + names[i]));
                    names[i] = "";
                } else if (RosterColumns.ALL.contains(names[i])) {
                    known.put(names[i], i + 1);
                } else if (!names[i].equals(RosterColumns.SANDBOX)) {
                    unknown.add(cells[i].trim());
                }
            }
            if (!known.containsKey(RosterColumns.ID)) {
                problems.add(missingHeader(cells, line));
                return null;
            }
            List<String> warnings = new ArrayList<>();
            if (!unknown.isEmpty()) {
                warnings.add(
                        "ignoring unknown column"
                                + (unknown.size() == 1 ? " " : "s ")
                                + String.join(", ", unknown)
                                + " (known: "
                                + String.join(", ", RosterColumns.ALL)
                                + ")");
            }
            return new Header(names, known, warnings, line);
        }

        private static RosterProblem missingHeader(String[] cells, int line) {
            boolean looksLikeData =
                    cells.length > 1 && cells[1].trim().matches("\\d{12}|[a-zA-Z0-9]{1,64}");
            return RosterProblem.line(
                    line,
                    looksLikeData
                            ? "no header row: line "
                                    + line
                                    + " looks like a student, but the first line must name the"
                                    + " columns"
                            : "the header has no 'id' column",
                    "make the first line a header such as " + HEADER_EXAMPLE);
        }

        java.util.Optional<RawRow> row(String[] cells, int line, List<RosterProblem> problems) {
            if (cells.length > names.length) {
                problems.add(
                        RosterProblem.line(
                                line,
                                "this line has "
                                        + cells.length
                                        + " cells but the header has "
                                        + names.length
                                        + " columns",
                                "quote cells that contain a comma (\"Byron, Ada\") or remove the"
                                        + " extra commas"));
                return java.util.Optional.empty();
            }
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, String> extras = new LinkedHashMap<>();
            for (int i = 0; i < cells.length; i++) {
                String value = cells[i].trim();
                if (value.isEmpty() || names[i].isEmpty()) {
                    continue;
                }
                (known.containsKey(names[i]) ? values : extras).put(names[i], value);
            }
            return java.util.Optional.of(new RawRow(line, values, extras));
        }
    }
}
