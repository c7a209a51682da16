package fanout.console.tui.handout;

import java.util.Objects;

/**
 * What every student needs to let the fan-out function write to their stream.
 *
 * @param externalId empty when the class uses none
 */
public record Handout(String coreAccount, String roleArn, String externalId, String trustPolicy) {
    public Handout {
        Objects.requireNonNull(coreAccount, "core account is required");
        Objects.requireNonNull(roleArn, "role ARN is required");
        externalId = externalId == null ? "" : externalId;
        trustPolicy = trustPolicy == null ? "" : trustPolicy;
    }

    /** The handout as plain text, as written to {@code .fanout/handout.txt}. */
    public String text() {
        return "Core account id: "
                + coreAccount
                + "\n"
                + "Fan-out role ARN (trust it): "
                + roleArn
                + "\n"
                + "External id: "
                + (externalId.isEmpty() ? "(none)" : externalId)
                + "\n\n"
                + "Trust policy for your stream-writer role:\n"
                + trustPolicy
                + "\n";
    }
}
