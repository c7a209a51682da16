package fanout.console.workshop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds workshop definitions: {@code <home>/workshops/<name>/workshop.json} when the fanout home is
 * known (so a leader can edit or add one), else the copy bundled in the console jar.
 */
public final class WorkshopCatalog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<Path> home;

    public WorkshopCatalog(Optional<Path> home) {
        this.home = home;
    }

    public Workshop load(String name) {
        if (name == null || !name.matches("[a-zA-Z0-9_.-]+")) {
            throw new WorkshopException(
                    "--workshop '" + name + "' is not a workshop name (letters, digits, - _ .)");
        }
        Optional<Path> file =
                home.map(h -> h.resolve("workshops").resolve(name).resolve("workshop.json"))
                        .filter(Files::isRegularFile);
        try {
            if (file.isPresent()) {
                try (InputStream in = Files.newInputStream(file.get())) {
                    return parse(name, JSON.readTree(in), file.get().toString());
                }
            }
            String resource = "/workshops/" + name + "/workshop.json";
            try (InputStream in = WorkshopCatalog.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new WorkshopException(
                            "--workshop '"
                                    + name
                                    + "': no workshops/"
                                    + name
                                    + "/workshop.json (known: hello-retail)");
                }
                return parse(name, JSON.readTree(in), "bundled " + resource);
            }
        } catch (IOException e) {
            throw new WorkshopException(
                    "workshop '" + name + "' cannot be read: " + e.getMessage(), e);
        }
    }

    /** A sample roster file shipped with the workshop, from the home directory or the jar. */
    public Optional<InputStream> sampleRoster(String workshop, String fileName) throws IOException {
        Optional<Path> file =
                home.map(
                                h ->
                                        h.resolve("workshops")
                                                .resolve(workshop)
                                                .resolve("rosters")
                                                .resolve(fileName))
                        .filter(Files::isRegularFile);
        if (file.isPresent()) {
            return Optional.of(Files.newInputStream(file.get()));
        }
        return Optional.ofNullable(
                WorkshopCatalog.class.getResourceAsStream(
                        "/workshops/" + workshop + "/rosters/" + fileName));
    }

    static Workshop parse(String name, JsonNode node, String where) {
        try {
            return new Workshop(
                    text(node, "name", name),
                    text(node, "title", name),
                    text(node, "region", null),
                    text(node, "functionName", "fanout"),
                    text(node, "sourceStream", null),
                    Pattern.compile(text(node, "idPattern", "^[a-zA-Z0-9_.-]{1,64}$")),
                    text(node, "streamArnTemplate", null),
                    text(node, "roleArnTemplate", null),
                    text(node, "assumableRolePattern", null),
                    node.path("parallel").asBoolean(true),
                    text(node, "transform", "none"),
                    text(node, "startingPosition", "TRIM_HORIZON"),
                    node.path("probeTemplate"),
                    selfRegistration(node.get("selfRegistration")));
        } catch (NullPointerException | IllegalArgumentException e) {
            throw new WorkshopException(where + ": " + e.getMessage(), e);
        }
    }

    private static SelfRegistrationRule selfRegistration(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new SelfRegistrationRule(
                text(node, "streamIdPattern", null),
                text(node, "roleIdPattern", null),
                text(node, "help", ""));
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }
}
