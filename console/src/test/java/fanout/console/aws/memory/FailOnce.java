package fanout.console.aws.memory;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Wraps an SDK client so that the first call of one operation fails as a lost connection would: the
 * interruption a re-run must recover from.
 */
public final class FailOnce {
    private FailOnce() {}

    @SuppressWarnings("unchecked")
    public static <T> T on(Class<T> type, T client, String operation) {
        boolean[] failed = {false};
        InvocationHandler handler =
                (proxy, method, args) -> {
                    if (method.getName().equals(operation) && !failed[0]) {
                        failed[0] = true;
                        throw SdkClientException.create(
                                "Unable to execute HTTP request: connection reset ("
                                        + operation
                                        + ")");
                    }
                    try {
                        return method.invoke(client, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
