package fanout.console.selfreg;

import fanout.console.cli.ExitCodes;
import fanout.console.cli.Invocation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code selfreg}: students registering themselves from Slack. */
@Command(
        name = "selfreg",
        mixinStandardHelpOptions = true,
        subcommands = {
            SelfregCommand.Lock.class,
            SelfregCommand.Unlock.class,
            SelfregStatusCommand.class,
            SelfregSimulateCommand.class
        },
        description = {
            "Self-registration from Slack (/hook-stream, /unhook-stream; deploy it with"
                    + " `deploy --self-registration`):",
            "lock or unlock it, see its state, or simulate a student's signed request."
        },
        footerHeading = "%n",
        footer = ExitCodes.HELP_SECTION)
public final class SelfregCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code selfreg lock} and {@code unlock}: one switch, set one way or the other. */
    abstract static class LockSwitch implements Runnable {
        @Mixin Invocation invocation;

        private final boolean locked;

        LockSwitch(boolean locked) {
            this.locked = locked;
        }

        @Override
        public void run() {
            SelfregStatusCommand.setLock(invocation, locked);
        }
    }

    /** {@code selfreg lock}. */
    @Command(
            name = "lock",
            mixinStandardHelpOptions = true,
            description = "Close registration: the bot answers \"registration is closed\".")
    public static final class Lock extends LockSwitch {
        public Lock() {
            super(true);
        }
    }

    /** {@code selfreg unlock}. */
    @Command(
            name = "unlock",
            mixinStandardHelpOptions = true,
            description = "Open registration again.")
    public static final class Unlock extends LockSwitch {
        public Unlock() {
            super(false);
        }
    }
}
