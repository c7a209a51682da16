package fanout.console.status;

import fanout.console.GlobalOptions;
import fanout.console.Session;
import fanout.console.aws.AwsClients;
import fanout.console.workshop.WorkshopCatalog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EnvironmentResponse;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsRequest;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** Tiny test doubles for the clients status reads besides DynamoDB and CloudWatch. */
final class StatusFakes {
    static final String ACCOUNT = "123456789012";
    static final String SOURCE = "arn:aws:kinesis:us-west-2:123456789012:stream/coreRetailStream";

    private StatusFakes() {}

    /** A Lambda with one function (or none) and its hooks. */
    static final class FakeLambda implements LambdaClient {
        final Map<String, String> environment = new HashMap<>();
        final List<String> hooks = new ArrayList<>();
        boolean exists = true;

        /**
         * {state, lastUpdateStatus, reason} per GetFunctionConfiguration, in order; the last one
         * stays. Empty: Active and Successful.
         */
        final java.util.Deque<String[]> conditions = new java.util.ArrayDeque<>();

        int configurationReads;
        int hookReads;

        @Override
        public GetFunctionConfigurationResponse getFunctionConfiguration(
                GetFunctionConfigurationRequest request) {
            if (!exists) {
                throw notFound(request.functionName());
            }
            configurationReads++;
            String[] condition =
                    conditions.size() > 1
                            ? conditions.poll()
                            : conditions.isEmpty()
                                    ? new String[] {"Active", "Successful", null}
                                    : conditions.peek();
            boolean updateFailed = "Failed".equals(condition[1]);
            return GetFunctionConfigurationResponse.builder()
                    .functionName(request.functionName())
                    .environment(EnvironmentResponse.builder().variables(environment).build())
                    .state(condition[0])
                    .lastUpdateStatus(condition[1])
                    .stateReason(updateFailed ? null : condition[2])
                    .lastUpdateStatusReason(updateFailed ? condition[2] : null)
                    .build();
        }

        @Override
        public ListEventSourceMappingsResponse listEventSourceMappings(
                ListEventSourceMappingsRequest request) {
            if (!exists) {
                throw notFound(request.functionName());
            }
            hookReads++;
            List<EventSourceMappingConfiguration> mappings = new ArrayList<>();
            if (request.functionName().endsWith(":live")) {
                // Like Lambda's filter: the hooks are on the function, none on an alias.
                return ListEventSourceMappingsResponse.builder()
                        .eventSourceMappings(mappings)
                        .build();
            }
            for (String hook : hooks) {
                mappings.add(
                        EventSourceMappingConfiguration.builder()
                                .uuid("uuid-" + hook)
                                .eventSourceArn(hook)
                                .functionArn(
                                        "arn:aws:lambda:us-west-2:" + ACCOUNT + ":function:fanout")
                                .build());
            }
            return ListEventSourceMappingsResponse.builder().eventSourceMappings(mappings).build();
        }

        private static ResourceNotFoundException notFound(String name) {
            return (ResourceNotFoundException)
                    ResourceNotFoundException.builder()
                            .message("Function not found: " + name)
                            .awsErrorDetails(
                                    AwsErrorDetails.builder()
                                            .errorCode("ResourceNotFoundException")
                                            .errorMessage("Function not found: " + name)
                                            .build())
                            .statusCode(404)
                            .build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {}
    }

    static final class FakeSts implements StsClient {
        int calls;

        @Override
        public GetCallerIdentityResponse getCallerIdentity(GetCallerIdentityRequest request) {
            calls++;
            return GetCallerIdentityResponse.builder()
                    .account(ACCOUNT)
                    .arn("arn:aws:iam::" + ACCOUNT + ":user/leader")
                    .build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {}
    }

    /** A CloudWatch that always throttles GetMetricData, as AWS does under load. */
    static final class ThrottlingCloudWatch implements CloudWatchClient {
        int calls;

        @Override
        public GetMetricDataResponse getMetricData(GetMetricDataRequest request) {
            calls++;
            throw CloudWatchException.builder()
                    .message("Rate exceeded")
                    .statusCode(400)
                    .awsErrorDetails(
                            AwsErrorDetails.builder()
                                    .errorCode("Throttling")
                                    .errorMessage("Rate exceeded")
                                    .serviceName("CloudWatch")
                                    .build())
                    .build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {}
    }

    record Clients(
            DynamoDbClient dynamo, LambdaClient lambda, StsClient sts, CloudWatchClient cloudWatch)
            implements AwsClients {
        @Override
        public String region() {
            return "us-west-2";
        }

        @Override
        public KinesisClient kinesis() {
            throw new UnsupportedOperationException("status does not use Kinesis");
        }

        @Override
        public IamClient iam() {
            throw new UnsupportedOperationException("status does not use IAM");
        }

        @Override
        public void close() {
            // The test owns the clients.
        }
    }

    static Session session(AwsClients clients, Clock clock, GlobalOptions options) {
        return new Session(
                options,
                new WorkshopCatalog(Optional.empty()).load("hello-retail"),
                clients,
                clock,
                false);
    }

    static Clock clockAt(Instant now) {
        return Clock.fixed(now, ZoneOffset.UTC);
    }

    /**
     * Publishes one datum as the forwarder (high resolution) or Lambda (standard) does.
     *
     * @param dims dimension names and values, alternating
     */
    static void publish(
            CloudWatchClient cloudWatch,
            String namespace,
            String name,
            double value,
            Instant at,
            String... dims) {
        Dimension[] dimensions = new Dimension[dims.length / 2];
        for (int i = 0; i < dims.length; i += 2) {
            dimensions[i / 2] = Dimension.builder().name(dims[i]).value(dims[i + 1]).build();
        }
        cloudWatch.putMetricData(
                b ->
                        b.namespace(namespace)
                                .metricData(
                                        MetricDatum.builder()
                                                .metricName(name)
                                                .dimensions(dimensions)
                                                .value(value)
                                                .timestamp(at)
                                                .storageResolution(
                                                        namespace.equals("AWS/Lambda") ? null : 1)
                                                .build()));
    }
}
