package fanout.console.hook;

/** What {@code hook} did. */
public sealed interface HookOutcome {
    Hook hook();

    /** A new mapping, after granting the role read access through {@code grantPolicy}. */
    record Hooked(Hook hook, String grantPolicy) implements HookOutcome {}

    /** The function already reads that stream: reported, not duplicated. */
    record AlreadyHooked(Hook hook) implements HookOutcome {}
}
