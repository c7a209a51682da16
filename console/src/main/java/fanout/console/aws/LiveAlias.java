package fanout.console.aws;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsRequest;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The alias {@code deploy --snap-start} points at each published version: SnapStart restores only
 * published versions, so the hooks invoke {@code <function>:live} instead of {@code $LATEST}.
 * Everything that looks for a function's hooks asks for both names, because Lambda's
 * ListEventSourceMappings filters by the function name as given, qualifier included.
 */
public final class LiveAlias {
    public static final String NAME = "live";

    private LiveAlias() {}

    /** {@code function:live}; {@code function} may be a name or an unqualified ARN. */
    public static String of(String function) {
        return function + ":" + NAME;
    }

    /**
     * The configuration of the version the alias points at; empty when there is no alias (or no
     * function). Read with GetFunction, which every command that looks at the function is already
     * granted, so a leader who never turns SnapStart on needs no new permission.
     */
    public static Optional<FunctionConfiguration> configuration(
            LambdaClient lambda, String function) {
        return NotFound.asEmpty(
                () ->
                        lambda.getFunction(r -> r.functionName(function).qualifier(NAME))
                                .configuration());
    }

    /** The version the alias points at; empty when there is no alias. */
    public static Optional<String> version(LambdaClient lambda, String function) {
        return configuration(lambda, function).map(FunctionConfiguration::version);
    }

    /** Whether the function has the alias; false when the function does not exist either. */
    public static boolean exists(LambdaClient lambda, String function) {
        return version(lambda, function).isPresent();
    }

    /** What a new hook invokes: the alias when the function has it, else the function. */
    public static String hookTarget(LambdaClient lambda, String function) {
        return exists(lambda, function) ? of(function) : function;
    }

    /**
     * The function's event source mappings, on the function and on its alias, each once. Throws
     * Lambda's ResourceNotFoundException when the function does not exist.
     */
    public static List<EventSourceMappingConfiguration> mappings(
            LambdaClient lambda, String function) {
        List<EventSourceMappingConfiguration> found = onFunction(lambda, function);
        try {
            Set<String> seen = new HashSet<>();
            found.forEach(m -> seen.add(m.uuid()));
            list(lambda, of(function)).stream()
                    .filter(m -> m.uuid() == null || !seen.contains(m.uuid()))
                    .forEach(found::add);
        } catch (ResourceNotFoundException e) {
            // No alias: no mappings on it.
        }
        return found;
    }

    /** The mappings on the unqualified function only (they invoke $LATEST). */
    public static List<EventSourceMappingConfiguration> onFunction(
            LambdaClient lambda, String function) {
        return list(lambda, function);
    }

    private static List<EventSourceMappingConfiguration> list(LambdaClient lambda, String name) {
        List<EventSourceMappingConfiguration> found = new ArrayList<>();
        lambda.listEventSourceMappingsPaginator(
                        ListEventSourceMappingsRequest.builder().functionName(name).build())
                .eventSourceMappings()
                .forEach(found::add);
        return found;
    }
}
