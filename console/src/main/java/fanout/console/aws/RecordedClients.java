package fanout.console.aws;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * A session's clients with every call reported to a listener (the console's command log). It wraps
 * the client interfaces, not the SDK's HTTP pipeline, so the sandbox's in-memory services are
 * recorded exactly like real AWS.
 */
public final class RecordedClients implements AwsClients {
    private final AwsClients clients;
    private final Consumer<AwsCall> listener;
    private final Clock clock;

    public RecordedClients(AwsClients clients, Consumer<AwsCall> listener, Clock clock) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String region() {
        return clients.region();
    }

    @Override
    public DynamoDbClient dynamo() {
        return recorded(DynamoDbClient.class, clients.dynamo());
    }

    @Override
    public KinesisClient kinesis() {
        return recorded(KinesisClient.class, clients.kinesis());
    }

    @Override
    public KinesisClient kinesis(String region) {
        return recorded(KinesisClient.class, clients.kinesis(region));
    }

    @Override
    public LambdaClient lambda() {
        return recorded(LambdaClient.class, clients.lambda());
    }

    @Override
    public LambdaClient lambdaInvoker() {
        return recorded(LambdaClient.class, clients.lambdaInvoker());
    }

    @Override
    public IamClient iam() {
        return recorded(IamClient.class, clients.iam());
    }

    @Override
    public StsClient sts() {
        return recorded(StsClient.class, clients.sts());
    }

    @Override
    public CloudWatchClient cloudWatch() {
        return recorded(CloudWatchClient.class, clients.cloudWatch());
    }

    @Override
    public void close() {
        clients.close();
    }

    private <T> T recorded(Class<T> type, T client) {
        String service = type.getSimpleName().replaceFirst("Client$", "");
        return type.cast(
                Proxy.newProxyInstance(
                        type.getClassLoader(),
                        new Class<?>[] {type},
                        new Recording(client, service, listener, clock)));
    }

    /**
     * Times each operation the client runs; convenience overloads and paginators come back here.
     */
    private record Recording(Object client, String service, Consumer<AwsCall> listener, Clock clock)
            implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            boolean withArguments = args != null && args.length > 0;
            if (!operation(method, args) && method.isDefault() && withArguments) {
                // A consumer-builder overload or a paginator: the interface's default calls the
                // operation on this proxy, so the call is recorded once and so is every page.
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            if (!SdkResponse.class.isAssignableFrom(method.getReturnType())) {
                return forward(method, args);
            }
            Instant started = clock.instant();
            try {
                Object response = forward(method, args);
                report(method, started, AwsCall.OK);
                return response;
            } catch (RuntimeException | Error e) {
                report(method, started, AwsErrors.code(e));
                throw e;
            }
        }

        /** An operation takes its request: {@code getFunction(GetFunctionRequest)}. */
        private static boolean operation(Method method, Object[] args) {
            return args != null
                    && args.length == 1
                    && args[0] instanceof SdkRequest
                    && !method.getName().endsWith("Paginator");
        }

        private Object forward(Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(client, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private void report(Method method, Instant started, String outcome) {
            String name = method.getName();
            String operation = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            listener.accept(
                    new AwsCall(
                            started,
                            service,
                            operation,
                            outcome,
                            Duration.between(started, clock.instant())));
        }
    }
}
