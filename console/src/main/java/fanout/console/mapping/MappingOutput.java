package fanout.console.mapping;

import fanout.console.cli.Output;
import fanout.console.cli.OutputFormat;
import fanout.console.problem.OperationFailedException;
import fanout.console.problem.PartlyAppliedException;
import fanout.mapping.Mapping;
import fanout.mapping.MappingAttribute;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** How the mapping commands print mappings and bulk results. */
final class MappingOutput {
    private MappingOutput() {}

    static void list(
            PrintWriter out, OutputFormat format, List<Mapping> mappings, boolean sources) {
        if (format == OutputFormat.json) {
            Output.json(out, mappings);
            return;
        }
        if (format == OutputFormat.csv) {
            Output.csv(
                    out,
                    MappingAttribute.names(),
                    mappings.stream().map(MappingAttribute::texts).toList());
            return;
        }
        List<String> headers = new ArrayList<>();
        if (sources) {
            headers.add("source");
        }
        headers.addAll(
                List.of(
                        "id",
                        "name",
                        "active",
                        "parallel",
                        "region",
                        "destination",
                        "role",
                        "origin"));
        List<List<String>> rows = new ArrayList<>();
        for (Mapping m : mappings) {
            List<String> row = new ArrayList<>();
            if (sources) {
                row.add(m.sourceArn().substring(m.sourceArn().lastIndexOf('/') + 1));
            }
            row.addAll(
                    List.of(
                            m.id(),
                            orEmpty(m.name()),
                            Boolean.toString(m.active()),
                            Boolean.toString(m.parallel()),
                            orEmpty(m.region()),
                            orEmpty(m.destinationStreamName()),
                            orEmpty(m.role()),
                            orEmpty(m.origin())));
            rows.add(row);
        }
        Output.table(out, headers, rows);
        out.println(mappings.size() + (mappings.size() == 1 ? " mapping" : " mappings"));
        out.flush();
    }

    static String describe(Mapping m) {
        return m.id()
                + " -> "
                + m.destinationStreamName()
                + (m.region() == null ? "" : " (" + m.region() + ")")
                + (m.role() == null ? "" : " as " + m.role())
                + ", "
                + (m.active() ? "active" : "inactive")
                + ", parallel "
                + m.parallel();
    }

    static void warnings(PrintWriter err, List<String> warnings) {
        for (String warning : warnings) {
            err.println("warning: " + warning);
        }
        err.flush();
    }

    /**
     * Prints a bulk result and fails with the right exit code: 1 when nothing was found, 4 when
     * only some ids were.
     */
    static void bulk(
            PrintWriter out,
            OutputFormat format,
            BulkResult result,
            String verb,
            String sameState,
            Function<String, String> noneFound) {
        if (format == OutputFormat.json) {
            Output.json(out, result);
        } else {
            if (!result.changed().isEmpty()) {
                out.println(verb + " " + String.join(", ", result.changed()));
            }
            if (!result.unchanged().isEmpty()) {
                out.println("already " + sameState + ": " + String.join(", ", result.unchanged()));
            }
            out.flush();
        }
        List<String> problems = new ArrayList<>(result.failed());
        if (!result.missing().isEmpty()) {
            problems.add(noneFound.apply(String.join(", ", result.missing())));
        }
        if (problems.isEmpty()) {
            return;
        }
        boolean nothingDone = result.changed().isEmpty() && result.unchanged().isEmpty();
        String message = String.join("\n", problems);
        throw nothingDone
                ? new OperationFailedException(message)
                : new PartlyAppliedException(message);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
