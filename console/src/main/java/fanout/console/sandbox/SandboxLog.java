package fanout.console.sandbox;

import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/** The sandbox's log: one timestamped line per event, to the console or {@code sandbox.log}. */
record SandboxLog(PrintStream out, Clock clock) implements Consumer<String> {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    @Override
    public synchronized void accept(String line) {
        out.println(TIME.format(clock.instant()) + " " + line);
        out.flush();
    }
}
