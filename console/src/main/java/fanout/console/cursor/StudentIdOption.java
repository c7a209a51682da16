package fanout.console.cursor;

import picocli.CommandLine.Option;

/** {@code --id}, the one student a cursor command acts on. */
final class StudentIdOption {
    @Option(names = "--id", required = true, paramLabel = "ID", description = "The student.")
    String id;
}
