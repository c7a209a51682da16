package fanout.console.tui;

import fanout.check.Required;

/**
 * A failed service call as a view shows it: a one-line reason, how to fix it (empty when there is
 * nothing better to say), the code for the command log, and the failure's own message. The
 * session's adapters explain failures ({@code ConsolePorts.problems}), so views never see SDK
 * types.
 */
public record Problem(String reason, String hint, String code, String message) {

    public Problem {
        Required.all(
                "reason, hint (empty when none), code, message (empty when none)",
                reason,
                hint,
                code,
                message);
    }

    /** The reason followed by the hint, when there is one: {@code reason - hint}. */
    public String reasonAndHint() {
        return reason + (hint.isEmpty() ? "" : " - " + hint);
    }
}
