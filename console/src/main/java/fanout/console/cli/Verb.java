package fanout.console.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * What the verbs share: {@code -h}/{@code -V}, the exit codes under their help and the {@link
 * Invocation} they run in. picocli reads a superclass's {@code @Command} attributes first; a verb's
 * own (name, description, another footer) override them.
 */
@Command(mixinStandardHelpOptions = true, footerHeading = "%n", footer = ExitCodes.HELP_SECTION)
public abstract class Verb {
    /** The session, the global options and where to print, as {@link Cli} gives them. */
    @Mixin protected Invocation invocation;
}
