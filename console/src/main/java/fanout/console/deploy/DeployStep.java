package fanout.console.deploy;

/** The steps of {@code deploy}, in order; each is idempotent. */
public enum DeployStep {
    ROLE("execution role"),
    ROLE_POLICY("role policy"),
    TARGETS_TABLE("targets table"),
    STATE_TABLE("state table"),
    FUNCTION("function"),
    /** SnapStart: a published version behind alias live, which the hooks invoke. */
    LIVE_ALIAS("live alias");

    private final String label;

    DeployStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
