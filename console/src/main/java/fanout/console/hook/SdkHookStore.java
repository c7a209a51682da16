package fanout.console.hook;

import fanout.console.aws.AwsClients;
import fanout.console.aws.LiveAlias;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceInUseException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * {@link HookStore} on the SDK: Lambda's event source mapping calls and GetFunction, IAM's
 * PutRolePolicy and DeleteRolePolicy. The session's clients are asked for at each call, so a client
 * swapped in by a test (or the command log's recording one) is the one used.
 */
public final class SdkHookStore implements HookStore {
    private final AwsClients aws;

    public SdkHookStore(AwsClients aws) {
        this.aws = Objects.requireNonNull(aws, "aws");
    }

    @Override
    public Optional<String> functionRole(String function) {
        try {
            return Optional.of(
                    aws.lambda().getFunction(r -> r.functionName(function)).configuration().role());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<Hook> hooks(String function) {
        List<Hook> hooks = new ArrayList<>();
        LiveAlias.mappings(aws.lambda(), function).forEach(mapping -> hooks.add(hook(mapping)));
        return hooks;
    }

    @Override
    public void grant(String roleName, String policyName, String policyDocument) {
        aws.iam()
                .putRolePolicy(
                        r ->
                                r.roleName(roleName)
                                        .policyName(policyName)
                                        .policyDocument(policyDocument));
    }

    @Override
    public boolean revoke(String roleName, String policyName) {
        try {
            aws.iam().deleteRolePolicy(r -> r.roleName(roleName).policyName(policyName));
            return true;
        } catch (NoSuchEntityException e) {
            return false;
        }
    }

    @Override
    public Optional<Hook> create(HookRequest request) {
        // Under SnapStart (deploy --snap-start) the hook invokes the published version's alias.
        String target = LiveAlias.hookTarget(aws.lambda(), request.function());
        try {
            return Optional.of(
                    hook(
                            aws.lambda()
                                    .createEventSourceMapping(
                                            r ->
                                                    r.functionName(target)
                                                            .eventSourceArn(request.sourceArn())
                                                            .startingPosition(
                                                                    request.startingPosition())
                                                            .startingPositionTimestamp(
                                                                    request.timestamp()
                                                                            .orElse(null))
                                                            .batchSize(request.batchSize())
                                                            .maximumBatchingWindowInSeconds(
                                                                    request.batchWindowSeconds())
                                                            .functionResponseTypes(
                                                                    FunctionResponseType
                                                                            .REPORT_BATCH_ITEM_FAILURES)
                                                            .parallelizationFactor(
                                                                    HookSettings
                                                                            .PARALLELIZATION_FACTOR)
                                                            .bisectBatchOnFunctionError(
                                                                    HookSettings.BISECT_ON_ERROR)
                                                            .maximumRetryAttempts(
                                                                    HookSettings
                                                                            .MAXIMUM_RETRY_ATTEMPTS)
                                                            .maximumRecordAgeInSeconds(
                                                                    HookSettings
                                                                            .MAXIMUM_RECORD_AGE_SECONDS)
                                                            .enabled(request.enabled()))));
        } catch (InvalidParameterValueException e) {
            // Lambda's word for a role that cannot read the stream yet: the grant is propagating.
            if (String.valueOf(e.getMessage()).contains("Cannot access stream")) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<Hook> applySettings(String uuid) {
        return unlessInUse(
                () ->
                        hook(
                                aws.lambda()
                                        .updateEventSourceMapping(
                                                r ->
                                                        r.uuid(uuid)
                                                                .functionResponseTypes(
                                                                        FunctionResponseType
                                                                                .REPORT_BATCH_ITEM_FAILURES)
                                                                .parallelizationFactor(
                                                                        HookSettings
                                                                                .PARALLELIZATION_FACTOR)
                                                                .maximumRetryAttempts(
                                                                        HookSettings
                                                                                .MAXIMUM_RETRY_ATTEMPTS)
                                                                .bisectBatchOnFunctionError(
                                                                        HookSettings
                                                                                .BISECT_ON_ERROR)
                                                                .maximumRecordAgeInSeconds(
                                                                        HookSettings
                                                                                .MAXIMUM_RECORD_AGE_SECONDS))));
    }

    @Override
    public Optional<Hook> setEnabled(String uuid, boolean enabled) {
        return unlessInUse(
                () ->
                        hook(
                                aws.lambda()
                                        .updateEventSourceMapping(
                                                r -> r.uuid(uuid).enabled(enabled))));
    }

    @Override
    public boolean delete(String uuid) {
        return unlessInUse(
                        () -> {
                            try {
                                aws.lambda().deleteEventSourceMapping(r -> r.uuid(uuid));
                            } catch (ResourceNotFoundException e) {
                                // Deleted meanwhile (by another run or by hand): nothing left.
                            }
                            return true;
                        })
                .isPresent();
    }

    /**
     * A Creating, Enabling, Disabling or Updating mapping refuses changes until it settles
     * (ResourceInUseException): empty then.
     */
    private static <T> Optional<T> unlessInUse(Supplier<T> change) {
        try {
            return Optional.of(change.get());
        } catch (ResourceInUseException e) {
            return Optional.empty();
        }
    }

    /** From any of Lambda's mapping responses (they share the configuration's members). */
    private static Hook hook(SdkPojo response) {
        EventSourceMappingConfiguration.Builder builder = EventSourceMappingConfiguration.builder();
        Map<String, SdkField<?>> fields = builder.sdkFieldNameToField();
        for (SdkField<?> field : response.sdkFields()) {
            SdkField<?> target = fields.get(field.memberName());
            Object value = field.getValueOrDefault(response);
            if (target != null && value != null) {
                target.set(builder, value);
            }
        }
        return hook(builder.build());
    }

    private static Hook hook(EventSourceMappingConfiguration mapping) {
        return new Hook(
                mapping.uuid(),
                mapping.eventSourceArn(),
                mapping.state(),
                mapping.batchSize(),
                mapping.maximumBatchingWindowInSeconds(),
                mapping.startingPositionAsString(),
                mapping.functionResponseTypesAsStrings().contains("ReportBatchItemFailures"),
                mapping.lastModified(),
                mapping.parallelizationFactor(),
                mapping.maximumRetryAttempts(),
                mapping.bisectBatchOnFunctionError(),
                mapping.maximumRecordAgeInSeconds(),
                mapping.functionArn());
    }
}
