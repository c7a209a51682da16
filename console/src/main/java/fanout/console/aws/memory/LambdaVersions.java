package fanout.console.aws.memory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.PublishVersionRequest;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;

/**
 * Published versions of {@link InMemoryLambda}'s functions and what a qualified {@code
 * FunctionName} resolves to: PublishVersion, qualified reads, qualified invokes, qualified deletes
 * and the targets of event source mappings. Guarded by the fake's lock.
 */
final class LambdaVersions {
    private final StoredFunctions functions;

    LambdaVersions(StoredFunctions functions) {
        this.functions = functions;
    }

    /** Where an event source mapping delivers: the (qualified) function ARN and its role. */
    record MappingTarget(String role, String functionArn) {}

    /**
     * A new version of $LATEST, Pending for a few reads; the last version again when nothing
     * changed since it was published, as Lambda does.
     */
    PublishVersionResponse publish(PublishVersionRequest request) {
        StoredFunction function = functions.publishable(request.functionName());
        if (request.codeSha256() != null && !request.codeSha256().equals(function.codeSha256)) {
            throw LambdaFaults.invalidParameter(
                    "CodeSHA256 ("
                            + request.codeSha256()
                            + ") is different from current CodeSHA256 in $LATEST ("
                            + function.codeSha256
                            + "). Please try again with the CodeSHA256 in $LATEST.");
        }
        if (request.revisionId() != null && !request.revisionId().equals(function.revisionId())) {
            throw LambdaFaults.preconditionFailed("Function");
        }
        PublishedVersion version =
                function.published
                        .unchangedSince(function)
                        .orElseGet(
                                () ->
                                        function.published.publish(
                                                function, functions.settlePolls()));
        return SdkCopy.into(
                        version.describe(function.arn + ":" + version.number),
                        PublishVersionResponse.builder())
                .build();
    }

    /**
     * The configuration a read shows, moving its settling along by one poll; an unqualified name
     * reads $LATEST exactly as before versions existed.
     */
    FunctionConfiguration poll(String nameOrArn, String qualifier) {
        FunctionReference reference = FunctionReference.parse(nameOrArn, qualifier);
        if (reference.qualifier() == null) {
            return functions.poll(nameOrArn);
        }
        StoredFunction function = functions.find(reference.name());
        Optional<PublishedVersion> version = resolve(function, reference);
        if (version.isEmpty()) {
            FunctionConfiguration latest = functions.poll(reference.name());
            return latest.toBuilder().functionArn(reference.arn(function.arn)).build();
        }
        FunctionConfiguration shown = version.get().describe(reference.arn(function.arn));
        version.get().settle();
        return shown;
    }

    /**
     * What an Invoke of the name runs; throws while the version is Pending (SnapStartNotReady when
     * its snapshot is being taken) or Failed, as Lambda does.
     */
    Invocation invocation(String nameOrArn, String qualifier) {
        FunctionReference reference = FunctionReference.parse(nameOrArn, qualifier);
        StoredFunction function = functions.find(reference.name());
        Optional<PublishedVersion> resolved = resolve(function, reference);
        if (resolved.isEmpty()) {
            functions.requireInvocable(function);
            return new Invocation(
                    function.name,
                    function.environment,
                    Duration.ofSeconds(function.timeout),
                    FunctionReference.LATEST);
        }
        PublishedVersion version = resolved.get();
        String state = version.state();
        if (state.equals("Pending")) {
            version.settle();
            if (version.snapStart) {
                throw LambdaFaults.snapStartNotReady();
            }
        }
        if (!state.equals("Active")) {
            throw LambdaFaults.conflict(
                    "The operation cannot be performed at this time. The function is currently in"
                            + " the following state: "
                            + state);
        }
        return new Invocation(
                function.name,
                version.environment,
                Duration.ofSeconds(version.timeout),
                version.number);
    }

    /**
     * Deletes the published version a qualified name names; Lambda refuses $LATEST, an alias and a
     * version an alias points at.
     */
    void deleteVersion(FunctionReference reference) {
        StoredFunction function = functions.find(reference.name());
        String qualifier = reference.qualifier();
        if (qualifier.equals(FunctionReference.LATEST)) {
            throw LambdaFaults.invalidParameter(
                    "$LATEST version cannot be deleted without deleting the function.");
        }
        if (function.published.alias(qualifier).isPresent()) {
            throw LambdaFaults.invalidParameter(
                    "Deletion of aliases is not supported by DeleteFunction: use DeleteAlias for "
                            + reference.arn(function.arn));
        }
        if (function.published.version(qualifier).isEmpty()) {
            throw notFound(reference.arn(function.arn));
        }
        List<String> aliases = function.published.aliasesOf(qualifier);
        if (!aliases.isEmpty()) {
            throw LambdaFaults.conflict(
                    "Unable to delete version because the following aliases reference it: "
                            + aliases);
        }
        function.published.removeVersion(qualifier);
    }

    /** The function, version or alias a mapping may target; throws when it does not exist. */
    MappingTarget mappingTarget(String nameOrArn) {
        FunctionReference reference = FunctionReference.parse(nameOrArn, null);
        StoredFunction function = functions.find(reference.name());
        Optional<PublishedVersion> version = resolve(function, reference);
        return new MappingTarget(
                version.map(v -> v.role).orElse(function.role), reference.arn(function.arn));
    }

    /** The exact ARN a name denotes, existing or not: what ListEventSourceMappings matches. */
    String arnOf(String nameOrArn) {
        FunctionReference reference = FunctionReference.parse(nameOrArn, null);
        return reference.arn(functions.arnOf(reference.name()));
    }

    /** The published version a qualified reference names; empty for $LATEST (or an alias to it). */
    private static Optional<PublishedVersion> resolve(
            StoredFunction function, FunctionReference reference) {
        if (!reference.published()) {
            return Optional.empty();
        }
        String number =
                function.published
                        .versionNamed(reference.qualifier())
                        .orElseThrow(() -> notFound(reference.arn(function.arn)));
        return function.published.version(number);
    }

    static RuntimeException notFound(String arn) {
        return LambdaFaults.notFound("Function not found: " + arn);
    }
}
