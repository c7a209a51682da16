package fanout.console.sandbox;

import java.util.Objects;

/**
 * What {@code .fanout/sandbox.json} says about the running sandbox.
 *
 * @param control the control channel's base URL (loopback)
 * @param tokenFile where the control channel's token is (readable by its owner only)
 */
public record SandboxInfo(long pid, String sourceArn, String control, String tokenFile) {
    public SandboxInfo {
        Objects.requireNonNull(sourceArn, "sourceArn is required");
        Objects.requireNonNull(control, "control is required");
        Objects.requireNonNull(tokenFile, "tokenFile is required");
        if (!control.startsWith("http://127.0.0.1:")) {
            throw new IllegalArgumentException(
                    "control '" + control + "' must be a loopback address http://127.0.0.1:PORT");
        }
    }
}
