package fanout.console.sandbox;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import fanout.console.problem.BadInputException;
import fanout.console.problem.FanoutProblem;
import fanout.console.workshop.Workshop;
import fanout.mapping.Arn;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The students the sandbox simulates, read from a class roster. Only the columns that shape the
 * simulated accounts are read ({@code id, account, region, stream, role, sandbox}); the roster
 * commands validate the rest when the leader imports it.
 */
public record SimulatedClass(List<SimulatedStudent> students) {

    public SimulatedClass {
        students = List.copyOf(students);
    }

    public static SimulatedClass read(InputStream csv, String where, Workshop workshop) {
        List<SimulatedStudent> students = new ArrayList<>();
        try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8)) {
            MappingIterator<Map<String, String>> rows =
                    new CsvMapper()
                            .readerForMapOf(String.class)
                            .with(CsvSchema.emptySchema().withHeader())
                            .readValues(reader);
            int line = 1;
            while (rows.hasNext()) {
                line++;
                Map<String, String> row = lowerCaseKeys(rows.next());
                if (row.values().stream().allMatch(v -> v == null || v.isBlank())) {
                    continue;
                }
                students.add(student(row, workshop, where + " line " + line));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof FanoutProblem fanout) {
                throw fanout;
            }
            throw new BadInputException("--class " + where + ": " + e.getMessage());
        }
        if (students.isEmpty()) {
            throw new BadInputException("--class " + where + ": the roster has no students");
        }
        return new SimulatedClass(students);
    }

    private static SimulatedStudent student(
            Map<String, String> row, Workshop workshop, String where) {
        String id = cell(row, "id").orElseThrow(() -> invalid(where, "the id is empty"));
        String account =
                cell(row, "account").orElseThrow(() -> invalid(where, "the account is empty"));
        String region = cell(row, "region").orElse(workshop.region());
        String stream =
                cell(row, "stream")
                        .map(s -> s.startsWith("arn:") ? s : streamArn(region, account, s))
                        .orElseGet(() -> workshop.streamArn(id, account, region));
        String role = cell(row, "role").orElseGet(() -> workshop.roleArn(id, account, region));
        try {
            return new SimulatedStudent(
                    id,
                    account,
                    region,
                    stream,
                    role,
                    StudentCondition.parse(cell(row, "sandbox").orElse("")));
        } catch (IllegalArgumentException e) {
            throw invalid(where, e.getMessage());
        }
    }

    private static String streamArn(String region, String account, String name) {
        return Arn.kinesisStreamArn(region, account, name);
    }

    private static Optional<String> cell(Map<String, String> row, String column) {
        return Optional.ofNullable(row.get(column)).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static Map<String, String> lowerCaseKeys(Map<String, String> row) {
        Map<String, String> result = new TreeMap<>();
        row.forEach(
                (key, value) ->
                        result.put(
                                key.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT), value));
        return result;
    }

    private static BadInputException invalid(String where, String problem) {
        return new BadInputException("--class " + where + ": " + problem);
    }
}
