package fanout.console.tui.setup;

/** The setup checklist, in the order a class is prepared. */
public enum Step {
    DEPLOY("Deploy", "function, tables and role in the core account"),
    ROSTER("Roster", "register every student from the roster CSV"),
    HANDOUT("Handout", "what students need: core account, role ARN, external id"),
    CHECK("Check", "every student's stream and role, through the function"),
    ACTIVATE("Activate", "turn the registrations on"),
    HOOK("Hook", "connect the source stream to the function");

    private final String label;
    private final String purpose;

    Step(String label, String purpose) {
        this.label = label;
        this.purpose = purpose;
    }

    public String label() {
        return label;
    }

    public String purpose() {
        return purpose;
    }
}
