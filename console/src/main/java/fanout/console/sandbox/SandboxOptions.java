package fanout.console.sandbox;

import fanout.console.problem.BadInputException;
import fanout.console.workshop.Workshop;
import fanout.console.workshop.WorkshopCatalog;
import fanout.localaws.LocalAws;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options shared by {@code sandbox} and {@code sandbox up}. */
final class SandboxOptions {
    static final String SAMPLE_CLASS = "sample-class.csv";

    @Option(
            names = "--class",
            paramLabel = "ROSTER.csv",
            description =
                    "Roster of the students to simulate; its `sandbox` column marks broken ones"
                            + " (missing-stream, denied-role, throttled). Default: the workshop's"
                            + " sample class.")
    Path roster;

    @Option(
            names = "--rate",
            paramLabel = "N",
            defaultValue = "5",
            description =
                    "Records per second written to the source stream (default: ${DEFAULT-VALUE}).")
    double rate;

    WorkshopCatalog catalog() {
        return new WorkshopCatalog(LocalAws.findHome());
    }

    SandboxSettings settings(String workshopName) {
        if (!(rate >= 0)) {
            throw new BadInputException(
                    "--rate " + rate + ": must be 0 or more records per second");
        }
        WorkshopCatalog catalog = catalog();
        Workshop workshop = catalog.load(workshopName);
        return new SandboxSettings(
                LocalAws.findHome(), readClass(catalog, workshop), rate, SandboxServices::new);
    }

    private SimulatedClass readClass(WorkshopCatalog catalog, Workshop workshop) {
        try {
            if (roster != null) {
                if (!Files.isRegularFile(roster)) {
                    throw new BadInputException("--class " + roster + ": no such file");
                }
                try (InputStream in = Files.newInputStream(roster)) {
                    return SimulatedClass.read(in, roster.toString(), workshop);
                }
            }
            Optional<InputStream> sample = catalog.sampleRoster(workshop.name(), SAMPLE_CLASS);
            if (sample.isEmpty()) {
                throw new BadInputException(
                        "workshop "
                                + workshop.name()
                                + " has no sample class: pass --class ROSTER.csv");
            }
            try (InputStream in = sample.get()) {
                return SimulatedClass.read(
                        in, workshop.name() + "/rosters/" + SAMPLE_CLASS, workshop);
            }
        } catch (IOException e) {
            throw new BadInputException("--class: cannot read the roster: " + e.getMessage());
        }
    }
}
