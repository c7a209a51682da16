package fanout.console;

import fanout.console.aws.AwsClients;
import fanout.console.workshop.Workshop;
import fanout.mapping.TargetsTable;
import fanout.state.StateTable;
import java.time.Clock;
import java.util.Objects;

/**
 * Everything a command or a view needs to talk to one fan-out installation: the options it was
 * started with, the workshop, the AWS clients (real or sandbox) and the clock.
 */
public record Session(
        GlobalOptions options, Workshop workshop, AwsClients aws, Clock clock, boolean sandbox)
        implements AutoCloseable {

    public Session {
        Objects.requireNonNull(options, "options are required");
        Objects.requireNonNull(workshop, "workshop is required");
        Objects.requireNonNull(aws, "aws clients are required");
        Objects.requireNonNull(clock, "clock is required");
    }

    public String functionName() {
        return options.function();
    }

    public String region() {
        return aws.region();
    }

    public String targetsTable() {
        return TargetsTable.defaultName(functionName());
    }

    public String stateTable() {
        return StateTable.defaultName(functionName());
    }

    @Override
    public void close() {
        aws.close();
    }
}
