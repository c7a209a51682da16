package fanout.console.aws.policy;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps one SDK request to what IAM authorizes: the action is the service prefix and the operation
 * (e.g. {@code batchWriteItem} on DynamoDB is {@code dynamodb:BatchWriteItem}), the resource the
 * ARN the request names (a table, stream, function, mapping or role; {@code *} for operations
 * without resource-level permissions), plus the condition keys our policies test.
 */
record RequestActions(String service, String partition, String region, String account) {
    /** Operations whose IAM action is not named after the SDK method. */
    private static final Map<String, String> ACTION_NAMES =
            Map.of("lambda:invoke", "lambda:InvokeFunction");

    /** The IAM prefix of an SDK client's service name ({@code monitoring} is CloudWatch). */
    static String prefixOf(String serviceName) {
        return serviceName.equals("monitoring") ? "cloudwatch" : serviceName.toLowerCase();
    }

    /**
     * @param knownStream the stream a Kinesis shard iterator was issued for, when the request only
     *     names an iterator
     */
    List<AccessRequest> requests(String operation, Object request, Optional<String> knownStream) {
        String action =
                service + ":" + Character.toUpperCase(operation.charAt(0)) + operation.substring(1);
        List<AccessRequest> requests = new ArrayList<>();
        for (String resource : resources(operation, request, knownStream)) {
            requests.add(new AccessRequest(action, resource, context(request)));
        }
        return requests;
    }

    private List<String> resources(String operation, Object request, Optional<String> knownStream) {
        switch (service) {
            case "dynamodb":
                return tables(request);
            case "kinesis":
                return List.of(stream(operation, request, knownStream));
            case "lambda":
                return List.of(lambda(request));
            case "iam":
                return List.of(iam(request));
            case "sts":
                return List.of(text(request, "roleArn").orElse("*"));
            default:
                return List.of("*");
        }
    }

    private Map<String, String> context(Object request) {
        if (service.equals("cloudwatch")) {
            return text(request, "namespace")
                    .map(namespace -> Map.of("cloudwatch:namespace", namespace))
                    .orElse(Map.of());
        }
        return Map.of();
    }

    private List<String> tables(Object request) {
        Optional<Object> items = value(request, "requestItems");
        if (items.isPresent() && items.get() instanceof Map<?, ?> map && !map.isEmpty()) {
            List<String> tables = new ArrayList<>();
            for (Object table : map.keySet()) {
                tables.add(arn("dynamodb", "table/", String.valueOf(table)));
            }
            return tables;
        }
        return List.of(
                text(request, "tableName").map(t -> arn("dynamodb", "table/", t)).orElse("*"));
    }

    private String stream(String operation, Object request, Optional<String> knownStream) {
        Optional<String> arn = text(request, "streamARN");
        if (arn.isPresent()) {
            return arn.get();
        }
        Optional<String> name = text(request, "streamName");
        if (name.isPresent()) {
            return arn("kinesis", "stream/", name.get());
        }
        if (operation.equals("getRecords")) {
            return knownStream.orElse("*");
        }
        return "*";
    }

    private String lambda(Object request) {
        Optional<String> uuid = text(request, "uuid");
        if (uuid.isPresent()) {
            return arn("lambda", "event-source-mapping:", uuid.get());
        }
        Optional<String> function = text(request, "functionName");
        String type = request.getClass().getSimpleName();
        if (function.isPresent() && !type.contains("EventSourceMapping")) {
            String arn = functionArn(function.get());
            // CreateAlias, GetAlias, UpdateAlias and DeleteAlias act on the alias's ARN.
            Optional<String> alias =
                    type.contains("Alias") ? text(request, "name") : Optional.empty();
            return alias.map(name -> arn + ":" + name).orElse(arn);
        }
        return "*";
    }

    private String functionArn(String name) {
        if (name.startsWith("arn:")) {
            String[] parts = name.split(":");
            return String.join(":", List.of(parts).subList(0, Math.min(parts.length, 7)));
        }
        return arn("lambda", "function:", name);
    }

    private String iam(Object request) {
        Optional<String> role = text(request, "roleName");
        if (role.isPresent()) {
            return partitionArn("iam", "", account, "role/" + role.get());
        }
        return text(request, "policyArn").orElse("*");
    }

    private String arn(String arnService, String kind, String name) {
        if (name.startsWith("arn:")) {
            return name;
        }
        return partitionArn(arnService, region, account, kind + name);
    }

    private String partitionArn(
            String arnService, String arnRegion, String arnAccount, String resource) {
        return "arn:"
                + partition
                + ":"
                + arnService
                + ":"
                + arnRegion
                + ":"
                + arnAccount
                + ":"
                + resource;
    }

    private static Optional<String> text(Object request, String property) {
        return value(request, property).filter(v -> v instanceof String).map(String.class::cast);
    }

    private static Optional<Object> value(Object request, String property) {
        try {
            Method getter = request.getClass().getMethod(property);
            Object value = getter.invoke(request);
            if (value instanceof Collection<?> collection && collection.isEmpty()) {
                return Optional.empty();
            }
            return Optional.ofNullable(value);
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + property + " of " + request, e);
        }
    }
}
