package fanout.console.sandbox;

import fanout.check.Required;

/**
 * What {@code .fanout/sandbox.json} says about the running sandbox.
 *
 * @param control the control channel's base URL (loopback)
 * @param tokenFile where the control channel's token is (readable by its owner only)
 * @param selfRegistrationUrl where the Slack self-registration endpoint listens (loopback; null in
 *     files written before it existed)
 * @param signingSecretFile the file holding the endpoint's Slack signing secret (owner only)
 */
public record SandboxInfo(
        long pid,
        String sourceArn,
        String control,
        String tokenFile,
        String selfRegistrationUrl,
        String signingSecretFile) {
    public SandboxInfo {
        Required.all("sourceArn, control, tokenFile", sourceArn, control, tokenFile);
        requireLoopback("control", control);
        if (selfRegistrationUrl != null) {
            requireLoopback("selfRegistrationUrl", selfRegistrationUrl);
        }
    }

    public SandboxInfo(long pid, String sourceArn, String control, String tokenFile) {
        this(pid, sourceArn, control, tokenFile, null, null);
    }

    private static void requireLoopback(String name, String url) {
        if (!url.startsWith("http://127.0.0.1:")) {
            throw new IllegalArgumentException(
                    name + " '" + url + "' must be a loopback address http://127.0.0.1:PORT");
        }
    }
}
