package fanout.console.tui;

import java.util.Objects;

/**
 * A failed service call as a view shows it: a one-line reason, how to fix it (empty when there is
 * nothing better to say), the code for the command log, and the failure's own message. The
 * session's adapters explain failures ({@code ConsolePorts.problems}), so views never see SDK
 * types.
 */
public record Problem(String reason, String hint, String code, String message) {

    public Problem {
        Objects.requireNonNull(reason, "a problem has a reason");
        Objects.requireNonNull(hint, "a problem's hint is empty, never null");
        Objects.requireNonNull(code, "a problem has a code");
        Objects.requireNonNull(message, "a problem's message is empty, never null");
    }

    /** The reason followed by the hint, when there is one: {@code reason - hint}. */
    public String reasonAndHint() {
        return reason + (hint.isEmpty() ? "" : " - " + hint);
    }
}
