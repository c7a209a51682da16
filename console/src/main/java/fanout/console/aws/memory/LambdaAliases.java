package fanout.console.aws.memory;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.CreateAliasRequest;
import software.amazon.awssdk.services.lambda.model.DeleteAliasRequest;
import software.amazon.awssdk.services.lambda.model.GetAliasRequest;
import software.amazon.awssdk.services.lambda.model.ListAliasesRequest;
import software.amazon.awssdk.services.lambda.model.UpdateAliasRequest;

/**
 * Aliases of {@link InMemoryLambda}'s functions, as strict as Lambda: a valid name, an existing
 * version, no duplicate, a matching revision id when one is given. Guarded by the fake's lock.
 */
final class LambdaAliases {
    private final StoredFunctions functions;

    LambdaAliases(StoredFunctions functions) {
        this.functions = functions;
    }

    AliasConfiguration create(CreateAliasRequest request) {
        StoredAlias.requireValidName(request.name());
        StoredFunction function = functions.find(request.functionName());
        if (function.published.alias(request.name()).isPresent()) {
            throw LambdaFaults.conflict(
                    "Alias already exists: " + function.arn + ":" + request.name());
        }
        requireVersion(function, request.functionVersion());
        StoredAlias alias =
                new StoredAlias(
                        request.name(),
                        request.functionVersion(),
                        request.description(),
                        LambdaFaults.newUuid());
        function.published.putAlias(alias);
        return alias.configuration(function.arn);
    }

    AliasConfiguration get(GetAliasRequest request) {
        StoredFunction function = functions.find(request.functionName());
        return find(function, request.name()).configuration(function.arn);
    }

    AliasConfiguration update(UpdateAliasRequest request) {
        StoredFunction function = functions.find(request.functionName());
        StoredAlias alias = find(function, request.name());
        if (request.revisionId() != null && !request.revisionId().equals(alias.revisionId())) {
            throw LambdaFaults.preconditionFailed("Alias");
        }
        String version = alias.functionVersion();
        if (request.functionVersion() != null) {
            requireVersion(function, request.functionVersion());
            version = request.functionVersion();
        }
        String description =
                request.description() == null ? alias.description() : request.description();
        StoredAlias updated =
                new StoredAlias(alias.name(), version, description, LambdaFaults.newUuid());
        function.published.putAlias(updated);
        return updated.configuration(function.arn);
    }

    void delete(DeleteAliasRequest request) {
        StoredFunction function = functions.find(request.functionName());
        function.published.removeAlias(find(function, request.name()).name());
    }

    List<AliasConfiguration> list(ListAliasesRequest request) {
        StoredFunction function = functions.find(request.functionName());
        List<AliasConfiguration> found = new ArrayList<>();
        for (StoredAlias alias : function.published.aliases()) {
            if (request.functionVersion() == null
                    || request.functionVersion().equals(alias.functionVersion())) {
                found.add(alias.configuration(function.arn));
            }
        }
        return found;
    }

    private static StoredAlias find(StoredFunction function, String name) {
        return function.published
                .alias(name)
                .orElseThrow(
                        () ->
                                LambdaFaults.notFound(
                                        "Alias not found: " + function.arn + ":" + name));
    }

    private static void requireVersion(StoredFunction function, String version) {
        if (version == null || version.isEmpty()) {
            throw LambdaFaults.invalidParameter(
                    "1 validation error detected: Value null at 'functionVersion' failed to"
                            + " satisfy constraint: Member must not be null");
        }
        if (!function.published.exists(version)) {
            throw LambdaVersions.notFound(function.arn + ":" + version);
        }
    }
}
