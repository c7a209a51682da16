package fanout.console.sandbox;

import fanout.console.workshop.Workshop;
import fanout.console.workshop.WorkshopCatalog;
import fanout.localaws.LocalAws;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The hello-retail sample class in an in-process sandbox, with a CLI over it: what the sandbox ITs
 * that drive the class through commands start from.
 */
record SampleClassSandbox(
        SandboxRuntime runtime, InProcessCli cli, Path roster, SimulatedClass students)
        implements AutoCloseable {

    /** Starts the sandbox with the traffic generator at {@code rate} records per second. */
    static SampleClassSandbox start(int rate) throws Exception {
        Optional<Path> home = LocalAws.findHome();
        WorkshopCatalog catalog = new WorkshopCatalog(home);
        Workshop workshop = catalog.load("hello-retail");
        Path roster = home.orElseThrow().resolve("workshops/hello-retail/rosters/sample-class.csv");
        SimulatedClass students;
        try (InputStream in = Files.newInputStream(roster)) {
            students = SimulatedClass.read(in, roster.toString(), workshop);
        }
        Clock clock = Clock.systemUTC();
        SandboxRuntime runtime =
                SandboxRuntime.start(
                        new SandboxSettings(home, students, rate, SandboxServices::new),
                        clock,
                        line -> System.out.println("[sandbox] " + line));
        InProcessCli cli =
                new InProcessCli(new SandboxSessionFactory(catalog, runtime.clients(), clock));
        return new SampleClassSandbox(runtime, cli, roster, students);
    }

    @Override
    public void close() {
        runtime.close();
    }
}
