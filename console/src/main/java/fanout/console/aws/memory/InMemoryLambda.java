package fanout.console.aws.memory;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AddPermissionRequest;
import software.amazon.awssdk.services.lambda.model.AddPermissionResponse;
import software.amazon.awssdk.services.lambda.model.CreateAliasRequest;
import software.amazon.awssdk.services.lambda.model.CreateAliasResponse;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.CreateFunctionUrlConfigRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionUrlConfigResponse;
import software.amazon.awssdk.services.lambda.model.DeleteAliasRequest;
import software.amazon.awssdk.services.lambda.model.DeleteAliasResponse;
import software.amazon.awssdk.services.lambda.model.DeleteEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.DeleteEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionRequest;
import software.amazon.awssdk.services.lambda.model.DeleteFunctionResponse;
import software.amazon.awssdk.services.lambda.model.GetAliasRequest;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionUrlConfigRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionUrlConfigResponse;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ListAliasesRequest;
import software.amazon.awssdk.services.lambda.model.ListAliasesResponse;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsRequest;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsResponse;
import software.amazon.awssdk.services.lambda.model.PublishVersionRequest;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.UpdateAliasRequest;
import software.amazon.awssdk.services.lambda.model.UpdateAliasResponse;
import software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;

/**
 * Lambda functions and event source mappings, in memory, backed by {@link InMemoryIam} for roles.
 * Behaves like AWS where the console depends on it: a new role cannot be assumed for the first
 * {@code roleAssumeFailures} CreateFunction calls (IAM propagation); a function is Pending for a
 * few polls, an update InProgress for a few polls and refuses another update meanwhile; published
 * versions are Pending for a few polls too (with SnapStart, Invoke says SnapStartNotReady
 * meanwhile); aliases point at versions; Invoke runs the {@link FunctionRuntime} with the
 * configuration of the version it resolves to. Thread-safe; Invoke runs outside the lock.
 */
public final class InMemoryLambda extends InMemoryClient implements LambdaClient {
    private final FunctionRuntime runtime;
    private final StoredFunctions functions;
    private final InMemoryEventSourceMappings mappings;
    private final FunctionUrls urls;
    private final LambdaVersions versions;
    private final LambdaAliases aliases;

    public InMemoryLambda(FunctionRuntime runtime, InMemoryIam iam, Clock clock) {
        this(runtime, iam, clock, "us-west-2", 2, 2);
    }

    /**
     * @param roleAssumeFailures CreateFunction calls refused after a role was created or changed
     * @param settlePolls reads that still show Pending / InProgress after a create or update
     */
    public InMemoryLambda(
            FunctionRuntime runtime,
            InMemoryIam iam,
            Clock clock,
            String region,
            int roleAssumeFailures,
            int settlePolls) {
        super(SERVICE_NAME);
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.functions =
                new StoredFunctions(
                        Objects.requireNonNull(iam, "iam"),
                        Objects.requireNonNull(clock, "clock"),
                        Objects.requireNonNull(region, "region"),
                        roleAssumeFailures,
                        settlePolls);
        this.mappings = new InMemoryEventSourceMappings(this, iam, clock, settlePolls);
        this.urls = new FunctionUrls(region);
        this.versions = new LambdaVersions(functions);
        this.aliases = new LambdaAliases(functions);
    }

    /** The names of the functions that exist, for tests and the sandbox. */
    public synchronized List<String> functionNames() {
        return functions.names();
    }

    @Override
    public synchronized CreateFunctionResponse createFunction(CreateFunctionRequest request) {
        StoredFunction function = functions.create(request);
        return SdkCopy.into(
                        function.describe("Pending", "Successful"),
                        CreateFunctionResponse.builder())
                .build();
    }

    @Override
    public synchronized GetFunctionResponse getFunction(GetFunctionRequest request) {
        return GetFunctionResponse.builder()
                .configuration(versions.poll(request.functionName(), request.qualifier()))
                .build();
    }

    @Override
    public synchronized GetFunctionConfigurationResponse getFunctionConfiguration(
            GetFunctionConfigurationRequest request) {
        return SdkCopy.into(
                        versions.poll(request.functionName(), request.qualifier()),
                        GetFunctionConfigurationResponse.builder())
                .build();
    }

    @Override
    public synchronized UpdateFunctionCodeResponse updateFunctionCode(
            UpdateFunctionCodeRequest request) {
        LambdaLimits.requireZipSize(request.zipFile());
        StoredFunction function = functions.updatable(request.functionName());
        function.setCode(request.zipFile());
        functions.updated(function);
        return SdkCopy.into(
                        function.describe(function.state(), "InProgress"),
                        UpdateFunctionCodeResponse.builder())
                .build();
    }

    @Override
    public synchronized UpdateFunctionConfigurationResponse updateFunctionConfiguration(
            UpdateFunctionConfigurationRequest request) {
        LambdaLimits.requireValid(request.runtimeAsString(), request.handler());
        StoredFunction current = functions.find(request.functionName());
        LambdaLimits.requireSnapStartSupported(
                request.runtime() == null ? current.runtime : request.runtimeAsString(),
                request.snapStart() == null
                        ? current.snapStartApplyOn
                        : request.snapStart().applyOnAsString());
        StoredFunction function = functions.updatable(request.functionName());
        if (request.role() != null && !request.role().equals(function.role)) {
            functions.requireAssumable(request.role());
            function.role = request.role();
        }
        function.reconfigure(request);
        functions.updated(function);
        return SdkCopy.into(
                        function.describe(function.state(), "InProgress"),
                        UpdateFunctionConfigurationResponse.builder())
                .build();
    }

    @Override
    public synchronized DeleteFunctionResponse deleteFunction(DeleteFunctionRequest request) {
        FunctionReference reference =
                FunctionReference.parse(request.functionName(), request.qualifier());
        if (reference.qualifier() != null) {
            versions.deleteVersion(reference);
            return DeleteFunctionResponse.builder().statusCode(204).build();
        }
        StoredFunction function = functions.find(request.functionName());
        functions.remove(function);
        urls.remove(function.name);
        return DeleteFunctionResponse.builder().statusCode(204).build();
    }

    @Override
    public InvokeResponse invoke(InvokeRequest request) {
        Invocation invocation;
        synchronized (this) {
            invocation = versions.invocation(request.functionName(), request.qualifier());
        }
        byte[] payload = request.payload() == null ? new byte[0] : request.payload().asByteArray();
        LambdaLimits.requirePayloadSize(payload);
        return invocation.run(runtime, payload);
    }

    @Override
    public synchronized PublishVersionResponse publishVersion(PublishVersionRequest request) {
        return versions.publish(request);
    }

    @Override
    public synchronized CreateAliasResponse createAlias(CreateAliasRequest request) {
        return SdkCopy.into(aliases.create(request), CreateAliasResponse.builder()).build();
    }

    @Override
    public synchronized GetAliasResponse getAlias(GetAliasRequest request) {
        return SdkCopy.into(aliases.get(request), GetAliasResponse.builder()).build();
    }

    @Override
    public synchronized UpdateAliasResponse updateAlias(UpdateAliasRequest request) {
        return SdkCopy.into(aliases.update(request), UpdateAliasResponse.builder()).build();
    }

    @Override
    public synchronized DeleteAliasResponse deleteAlias(DeleteAliasRequest request) {
        aliases.delete(request);
        return DeleteAliasResponse.builder().build();
    }

    @Override
    public synchronized ListAliasesResponse listAliases(ListAliasesRequest request) {
        return ListAliasesResponse.builder().aliases(aliases.list(request)).build();
    }

    /**
     * Makes the snapshot of the function's next published version fail, as a SnapStart init error
     * would: the version ends Failed with {@code reason} once its Pending reads are over.
     */
    public synchronized void failNextSnapshot(String function, String reason) {
        functions.find(function).published.failNextSnapshot(reason);
    }

    @Override
    public synchronized CreateFunctionUrlConfigResponse createFunctionUrlConfig(
            CreateFunctionUrlConfigRequest request) {
        StoredFunction function = functions.find(request.functionName());
        String url = urls.create(function.name, function.arn, request.authType());
        return CreateFunctionUrlConfigResponse.builder()
                .functionUrl(url)
                .functionArn(function.arn)
                .authType(request.authType())
                .build();
    }

    @Override
    public synchronized GetFunctionUrlConfigResponse getFunctionUrlConfig(
            GetFunctionUrlConfigRequest request) {
        StoredFunction function = functions.find(request.functionName());
        return GetFunctionUrlConfigResponse.builder()
                .authType(urls.authType(function.name))
                .functionUrl(urls.url(function.name))
                .functionArn(function.arn)
                .build();
    }

    @Override
    public synchronized AddPermissionResponse addPermission(AddPermissionRequest request) {
        StoredFunction function = functions.find(request.functionName());
        urls.addPermission(function.name, request);
        return AddPermissionResponse.builder()
                .statement("{\"Sid\":\"" + request.statementId() + "\"}")
                .build();
    }

    /** The statement ids of a function's resource-based policy, for tests. */
    public synchronized java.util.Set<String> permissionStatementIds(String function) {
        return urls.statementIds(functions.find(function).name);
    }

    @Override
    public CreateEventSourceMappingResponse createEventSourceMapping(
            CreateEventSourceMappingRequest request) {
        return mappings.create(request);
    }

    @Override
    public ListEventSourceMappingsResponse listEventSourceMappings(
            ListEventSourceMappingsRequest request) {
        return mappings.list(request);
    }

    @Override
    public ListEventSourceMappingsResponse listEventSourceMappings() {
        return mappings.list(ListEventSourceMappingsRequest.builder().build());
    }

    @Override
    public GetEventSourceMappingResponse getEventSourceMapping(
            GetEventSourceMappingRequest request) {
        return mappings.get(request);
    }

    @Override
    public UpdateEventSourceMappingResponse updateEventSourceMapping(
            UpdateEventSourceMappingRequest request) {
        return mappings.update(request);
    }

    @Override
    public DeleteEventSourceMappingResponse deleteEventSourceMapping(
            DeleteEventSourceMappingRequest request) {
        return mappings.delete(request);
    }

    /**
     * Marks a function Inactive, as Lambda does after weeks without invocations: the next Invoke
     * fails and starts re-creating it; an update re-creates it too.
     */
    public synchronized void idle(String function) {
        functions.find(function).inactive = true;
    }

    /** Makes the function's provisioning fail (state Failed), or its last update (Failed). */
    public synchronized void fail(String function, boolean update, String reason) {
        StoredFunction stored = functions.find(function);
        if (update) {
            stored.updateFailedReason = reason;
            stored.updatePolls = 0;
        } else {
            stored.failedReason = reason;
        }
    }

    /** The execution role of a function, when it exists: whose identity its code runs with. */
    public synchronized java.util.Optional<String> roleOf(String function) {
        try {
            return java.util.Optional.of(functions.find(function).role);
        } catch (software.amazon.awssdk.services.lambda.model.ResourceNotFoundException e) {
            return java.util.Optional.empty();
        }
    }

    /** The (qualified) function a mapping targets, for the mapping store; else ResourceNotFound. */
    synchronized LambdaVersions.MappingTarget mappingTarget(String nameOrArn) {
        return versions.mappingTarget(nameOrArn);
    }

    /** The exact ARN a (qualified) name denotes, existing or not, for the mapping store. */
    synchronized String functionArnOf(String nameOrArn) {
        return versions.arnOf(nameOrArn);
    }
}
