package fanout.console.tui.setup;

import java.util.Locale;

/** The setup checklist, in the order a class is prepared. */
public enum Step {
    DEPLOY("function, tables and role in the core account"),
    ROSTER("register every student from the roster CSV"),
    HANDOUT("what students need: core account, role ARN, external id"),
    CHECK("every student's stream and role, through the function"),
    ACTIVATE("turn the registrations on"),
    HOOK("connect the source stream to the function");

    private final String purpose;

    Step(String purpose) {
        this.purpose = purpose;
    }

    /** The step as the checklist names it: its name, capitalised ("Deploy"). */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    public String purpose() {
        return purpose;
    }
}
