package fanout.console.hook;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.DeleteEventSourceMappingRequest;
import software.amazon.awssdk.services.lambda.model.ResourceInUseException;
import software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingRequest;

/**
 * Test-only: wraps a Lambda client so that chosen mapping operations first fail as AWS fails them
 * during a transition (ResourceInUseException), and records the mapping changes asked for (the
 * in-memory Lambda of this branch applies only some of an update's settings).
 */
final class InUse {
    final List<UpdateEventSourceMappingRequest> updates = new ArrayList<>();
    final List<String> deletedUuids = new ArrayList<>();
    private final Map<String, Integer> failuresLeft = new HashMap<>();

    /** The next {@code times} calls of {@code operation} fail with ResourceInUseException. */
    InUse failing(String operation, int times) {
        failuresLeft.put(operation, times);
        return this;
    }

    @SuppressWarnings("unchecked")
    LambdaClient wrap(LambdaClient lambda) {
        InvocationHandler handler =
                (proxy, method, args) -> {
                    String name = method.getName();
                    Object[] call = args;
                    if (name.equals("updateEventSourceMapping")) {
                        UpdateEventSourceMappingRequest request =
                                args[0] instanceof Consumer<?> c
                                        ? UpdateEventSourceMappingRequest.builder()
                                                .applyMutation(
                                                        (Consumer<
                                                                        UpdateEventSourceMappingRequest
                                                                                .Builder>)
                                                                c)
                                                .build()
                                        : (UpdateEventSourceMappingRequest) args[0];
                        updates.add(request);
                        call = new Object[] {request};
                        method =
                                LambdaClient.class.getMethod(
                                        name, UpdateEventSourceMappingRequest.class);
                    }
                    if (name.equals("deleteEventSourceMapping")) {
                        DeleteEventSourceMappingRequest request =
                                args[0] instanceof Consumer<?> c
                                        ? DeleteEventSourceMappingRequest.builder()
                                                .applyMutation(
                                                        (Consumer<
                                                                        DeleteEventSourceMappingRequest
                                                                                .Builder>)
                                                                c)
                                                .build()
                                        : (DeleteEventSourceMappingRequest) args[0];
                        deletedUuids.add(request.uuid());
                        call = new Object[] {request};
                        method =
                                LambdaClient.class.getMethod(
                                        name, DeleteEventSourceMappingRequest.class);
                    }
                    int left = failuresLeft.getOrDefault(name, 0);
                    if (left > 0) {
                        failuresLeft.put(name, left - 1);
                        throw (ResourceInUseException)
                                ResourceInUseException.builder()
                                        .statusCode(400)
                                        .awsErrorDetails(
                                                AwsErrorDetails.builder()
                                                        .errorCode("ResourceInUseException")
                                                        .errorMessage(
                                                                "Cannot update the event source"
                                                                        + " mapping because it is in"
                                                                        + " use")
                                                        .serviceName("Lambda")
                                                        .build())
                                        .message("Cannot update the event source mapping")
                                        .build();
                    }
                    try {
                        return method.invoke(lambda, call);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                };
        return (LambdaClient)
                Proxy.newProxyInstance(
                        LambdaClient.class.getClassLoader(),
                        new Class<?>[] {LambdaClient.class},
                        handler);
    }
}
