package fanout.console.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MappingHelpTest {
    private static CommandRun help(String... args) {
        return CommandRun.of(
                options -> {
                    throw new AssertionError("help needs no session");
                },
                args);
    }

    @Test
    void registerHelpListsTheOriginalsFlagsAndTheExitCodes() {
        CommandRun run = help("register", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains(
                        "--source-arn",
                        "--source-type",
                        "--id",
                        "--destination",
                        "--destination-region",
                        "--destination-role-arn",
                        "--external-id",
                        "--active",
                        "--parallel",
                        "--collapse",
                        "--convert-ddb",
                        "--deaggregate",
                        "--append-newlines",
                        "--overwrite",
                        "--table")
                .contains("Exit codes:");
    }

    @Test
    void everyMappingAndRosterCommandHasHelp() {
        for (String[] command :
                new String[][] {
                    {"update"},
                    {"activate"},
                    {"deactivate"},
                    {"unregister"},
                    {"list"},
                    {"roster"},
                    {"roster", "import"},
                    {"roster", "export"},
                    {"roster", "template"}
                }) {
            String[] args = java.util.Arrays.copyOf(command, command.length + 1);
            args[command.length] = "--help";
            CommandRun run = help(args);
            assertThat(run.exitCode()).as(String.join(" ", command)).isZero();
            assertThat(run.out()).as(String.join(" ", command)).contains("Usage:");
        }
    }

    @Test
    void activateWithoutIdOrAllIsAUsageErrorBeforeAnyAwsCall() {
        CommandRun run = help("activate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--id is required (or --all");
    }
}
