package fanout.console;

import fanout.console.cli.OutputFormat;
import java.util.Optional;

/**
 * The options every command accepts, before or after the verb.
 *
 * @param region {@code --region}, empty to use the profile's or the workshop's
 * @param profile {@code --profile}, empty for the default credential chain
 * @param function {@code --function}, the fan-out function's name
 * @param workshop {@code --workshop}, the workshop definition to use
 * @param sandbox {@code --sandbox}: run against the running local sandbox
 */
public record GlobalOptions(
        Optional<String> region,
        Optional<String> profile,
        String function,
        String workshop,
        boolean sandbox,
        OutputFormat output,
        boolean verbose) {

    public GlobalOptions {
        region = region.filter(value -> !value.isBlank());
        profile = profile.filter(value -> !value.isBlank());
    }

    public static GlobalOptions defaults() {
        return new GlobalOptions(
                Optional.empty(),
                Optional.empty(),
                "fanout",
                "hello-retail",
                false,
                OutputFormat.text,
                false);
    }
}
