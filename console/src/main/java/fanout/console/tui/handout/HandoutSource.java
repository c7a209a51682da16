package fanout.console.tui.handout;

import fanout.console.handout.Handout;
import java.nio.file.Path;

/** The handout view's port. */
public interface HandoutSource {
    Handout handout() throws Exception;

    /** Writes the handout for copying (e.g. {@code .fanout/handout.txt}); returns where. */
    Path write(Handout handout) throws Exception;
}
