package fanout.console.cli;

/** {@code --output}: text for people, json and csv for scripts. */
public enum OutputFormat {
    text,
    json,
    csv
}
