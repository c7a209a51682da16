package fanout.console.tui.service;

import fanout.console.Session;
import fanout.console.handout.Handout;
import fanout.console.handout.HandoutService;
import fanout.console.handout.HandoutText;
import fanout.console.tui.handout.HandoutSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The handout from the same {@link HandoutService} as {@code fanout handout}. */
record ServiceHandout(Session session, Path file) implements HandoutSource {

    @Override
    public Handout handout() {
        return new HandoutService(session.aws(), session.workshop())
                .handout(
                        session.functionName(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty());
    }

    @Override
    public Path write(Handout handout) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, HandoutText.of(handout), StandardCharsets.UTF_8);
        return file;
    }
}
