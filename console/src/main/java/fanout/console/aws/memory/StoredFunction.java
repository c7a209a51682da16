package fanout.console.aws.memory;

import fanout.console.aws.CodeSha256;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.EnvironmentResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.SnapStartApplyOn;
import software.amazon.awssdk.services.lambda.model.SnapStartOptimizationStatus;
import software.amazon.awssdk.services.lambda.model.SnapStartResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.VpcConfig;
import software.amazon.awssdk.services.lambda.model.VpcConfigResponse;

/** One function of {@link InMemoryLambda}; guarded by the fake's lock. */
final class StoredFunction {
    private static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    /** Lambda's defaults. */
    static final int DEFAULT_MEMORY = 128;

    static final int DEFAULT_TIMEOUT = 3;

    final String name;
    final String arn;
    String runtime;
    String handler;
    String role;
    int memory;
    int timeout;
    Map<String, String> environment = Map.of();
    VpcConfig vpc;
    String codeSha256;
    long codeSize;
    int pendingPolls;
    int updatePolls;

    /** SnapStart's ApplyOn: {@code PublishedVersions} or {@code None}. */
    String snapStartApplyOn = "None";

    /** Counts configuration updates, so PublishVersion can tell whether anything changed. */
    int configurationRevision;

    final FunctionVersions published = new FunctionVersions();

    /** Idle long enough for Lambda to reclaim its resources: the next invoke fails. */
    boolean inactive;

    /** Why provisioning failed (state Failed), or null. */
    String failedReason;

    /** Why the last update failed (LastUpdateStatus Failed), or null. */
    String updateFailedReason;

    String lastModified;
    int revision;

    StoredFunction(String name, String arn) {
        this.name = name;
        this.arn = arn;
    }

    void configure(CreateFunctionRequest request) {
        runtime = request.runtimeAsString();
        handler = request.handler();
        role = request.role();
        memory = request.memorySize() == null ? DEFAULT_MEMORY : request.memorySize();
        timeout = request.timeout() == null ? DEFAULT_TIMEOUT : request.timeout();
        environment =
                request.environment() == null
                        ? Map.of()
                        : Map.copyOf(request.environment().variables());
        vpc = request.vpcConfig();
        if (request.snapStart() != null) {
            snapStartApplyOn = request.snapStart().applyOnAsString();
        }
    }

    /** Applies what the request sets; the role was checked by the caller. */
    void reconfigure(UpdateFunctionConfigurationRequest request) {
        if (request.runtime() != null) {
            runtime = request.runtimeAsString();
        }
        if (request.handler() != null) {
            handler = request.handler();
        }
        if (request.memorySize() != null) {
            memory = request.memorySize();
        }
        if (request.timeout() != null) {
            timeout = request.timeout();
        }
        if (request.environment() != null) {
            environment = Map.copyOf(request.environment().variables());
        }
        if (request.vpcConfig() != null) {
            vpc = request.vpcConfig();
        }
        if (request.snapStart() != null) {
            snapStartApplyOn = request.snapStart().applyOnAsString();
        }
        configurationRevision++;
    }

    /** Whether a version published now gets a SnapStart snapshot. */
    boolean snapStartOnPublish() {
        return SnapStartApplyOn.PUBLISHED_VERSIONS.toString().equals(snapStartApplyOn);
    }

    void setCode(SdkBytes zip) {
        byte[] bytes = zip == null ? new byte[0] : zip.asByteArray();
        codeSha256 = CodeSha256.of(bytes);
        codeSize = bytes.length;
    }

    void modified(Clock clock) {
        lastModified = LAST_MODIFIED.format(clock.instant());
        revision++;
    }

    String revisionId() {
        return name + "-" + revision;
    }

    String state() {
        if (failedReason != null) {
            return "Failed";
        }
        if (inactive) {
            return "Inactive";
        }
        return pendingPolls > 0 ? "Pending" : "Active";
    }

    String lastUpdateStatus() {
        if (updatePolls > 0) {
            return "InProgress";
        }
        return updateFailedReason != null ? "Failed" : "Successful";
    }

    FunctionConfiguration describe(String state, String lastUpdateStatus) {
        FunctionConfiguration.Builder builder =
                FunctionConfiguration.builder()
                        .functionName(name)
                        .functionArn(arn)
                        .runtime(runtime)
                        .handler(handler)
                        .role(role)
                        .memorySize(memory)
                        .timeout(timeout)
                        .codeSha256(codeSha256)
                        .codeSize(codeSize)
                        .version("$LATEST")
                        .lastModified(lastModified)
                        .revisionId(revisionId())
                        .packageType("Zip")
                        .state(state)
                        .stateReason(failedReason)
                        .lastUpdateStatus(lastUpdateStatus)
                        .lastUpdateStatusReason(
                                "Failed".equals(lastUpdateStatus) ? updateFailedReason : null)
                        .environment(EnvironmentResponse.builder().variables(environment).build())
                        .snapStart(
                                SnapStartResponse.builder()
                                        .applyOn(snapStartApplyOn)
                                        .optimizationStatus(SnapStartOptimizationStatus.OFF)
                                        .build());
        if (vpc != null && vpc.hasSubnetIds() && !vpc.subnetIds().isEmpty()) {
            builder.vpcConfig(
                    VpcConfigResponse.builder()
                            .subnetIds(vpc.subnetIds())
                            .securityGroupIds(vpc.securityGroupIds())
                            .build());
        }
        return builder.build();
    }
}
