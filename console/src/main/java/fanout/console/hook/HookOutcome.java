package fanout.console.hook;

import java.util.List;

/** What {@code hook} did. */
public sealed interface HookOutcome {
    Hook hook();

    /** A new mapping, after granting the role read access through {@code grantPolicy}. */
    record Hooked(Hook hook, String grantPolicy) implements HookOutcome {}

    /** The function already reads that stream: reported, not duplicated. */
    record AlreadyHooked(Hook hook) implements HookOutcome {}

    /**
     * The function already reads that stream, but with settings the forwarder's checkpoints do not
     * work with; {@code hook --repair} updates them.
     */
    record Drifted(Hook hook, List<String> differences) implements HookOutcome {
        public Drifted {
            differences = List.copyOf(differences);
        }
    }

    /** An existing hook whose {@code differences} {@code hook --repair} updated in place. */
    record Repaired(Hook hook, List<String> differences) implements HookOutcome {
        public Repaired {
            differences = List.copyOf(differences);
        }
    }
}
