package fanout.console.aws.policy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorResponse;

/**
 * Wraps any SDK v2 client (a fake or a real one against dynalite or kinesalite) so that every call
 * is authorized against the caller's identity policies first, as IAM would, and recorded in a
 * {@link CallLog}. A refused call throws the service's AccessDenied and never reaches the client.
 * Convenience overloads (consumer builders, paginators) run their default implementation on the
 * wrapper, so the request they build is authorized too.
 */
public final class AuthorizingClient implements InvocationHandler {
    private static final int REMEMBERED_ITERATORS = 10_000;

    private final Object delegate;
    private final Caller caller;
    private final RequestActions actions;
    private final CallLog log;
    private final Map<String, String> iteratorStreams =
            Collections.synchronizedMap(
                    new LinkedHashMap<>(64, 0.75f, true) {
                        @Override
                        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                            return size() > REMEMBERED_ITERATORS;
                        }
                    });

    private AuthorizingClient(Object delegate, Caller caller, RequestActions actions, CallLog log) {
        this.delegate = delegate;
        this.caller = caller;
        this.actions = actions;
        this.log = log;
    }

    /**
     * @param region the client's region, for the ARNs of resources a request names by name
     */
    public static <T> T wrap(Class<T> type, T delegate, Caller caller, String region, CallLog log) {
        Objects.requireNonNull(delegate, "delegate");
        if (!(delegate instanceof SdkClient client)) {
            throw new IllegalArgumentException("not an SDK client: " + delegate);
        }
        String serviceName = client.serviceName();
        RequestActions actions =
                new RequestActions(
                        RequestActions.prefixOf(serviceName),
                        caller.partition(),
                        region,
                        caller.account());
        return type.cast(
                Proxy.newProxyInstance(
                        type.getClassLoader(),
                        new Class<?>[] {type},
                        new AuthorizingClient(delegate, caller, actions, log)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (method.getDeclaringClass() == Object.class) {
            switch (name) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                default:
                    return "authorized(" + caller.arn() + ", " + delegate + ")";
            }
        }
        boolean operation =
                args != null
                        && args.length == 1
                        && args[0] instanceof AwsRequest
                        && !name.endsWith("Paginator");
        if (!operation) {
            if (method.isDefault() && args != null && args.length > 0) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            return call(method, args);
        }
        Optional<String> knownStream =
                name.equals("getRecords")
                        ? Optional.ofNullable(iteratorStreams.get(iterator(args[0])))
                        : Optional.empty();
        List<AccessRequest> requests = actions.requests(name, args[0], knownStream);
        for (AccessRequest request : requests) {
            Decision decision = caller.decide(request);
            log.record(caller, request, decision);
            if (decision != Decision.ALLOWED) {
                throw AccessDenied.of(
                        actions.service(), AccessDenied.message(caller, request, decision));
            }
        }
        Object response = call(method, args);
        rememberIterator(response, requests.get(0).resource());
        return response;
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** GetRecords names only an iterator: remember which stream each iterator reads. */
    private void rememberIterator(Object response, String stream) {
        if (response instanceof GetShardIteratorResponse issued && issued.shardIterator() != null) {
            iteratorStreams.put(issued.shardIterator(), stream);
        } else if (response instanceof GetRecordsResponse page
                && page.nextShardIterator() != null) {
            iteratorStreams.put(page.nextShardIterator(), stream);
        }
    }

    private static String iterator(Object request) {
        Object value = invokeQuietly(request, "shardIterator");
        return value == null ? "" : value.toString();
    }

    private static Object invokeQuietly(Object target, String method) {
        try {
            return target.getClass().getMethod(method).invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + method + " on " + target, e);
        }
    }
}
