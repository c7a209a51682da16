package fanout.console.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fanout.mapping.Arn;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The IAM policy documents of a fan-out installation, least privilege: every action is named (never
 * {@code *}) and every resource is scoped, except PutMetricData and the VPC network-interface
 * actions, which have no resource-level ARN and are limited by a condition or by necessity.
 */
public final class PolicyDocuments {
    public static final String VERSION = "2012-10-17";
    public static final String LAMBDA_SERVICE = "lambda.amazonaws.com";
    public static final List<String> STREAM_READ_ACTIONS =
            List.of(
                    "kinesis:GetRecords",
                    "kinesis:GetShardIterator",
                    "kinesis:DescribeStream",
                    "kinesis:DescribeStreamSummary",
                    "kinesis:ListShards",
                    "kinesis:ListStreams");
    public static final List<String> STUDENT_STREAM_ACTIONS =
            List.of("kinesis:PutRecords", "kinesis:DescribeStreamSummary");

    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyDocuments() {}

    /** Lets Lambda assume the fan-out function's execution role. */
    public static ObjectNode lambdaTrust() {
        ObjectNode statement = allow(null, "sts:AssumeRole");
        statement.putObject("Principal").put("Service", LAMBDA_SERVICE);
        return document(statement);
    }

    /** What the fan-out function may do with its execution role. */
    public static ObjectNode execution(ExecutionScope scope) {
        String prefix =
                "arn:"
                        + Arn.partitionOf(scope.region())
                        + ":%s:"
                        + scope.region()
                        + ":"
                        + scope.account()
                        + ":";
        String logGroup =
                String.format(prefix, "logs") + "log-group:/aws/lambda/" + scope.function();
        ObjectNode targets = allow("ReadMappings", "dynamodb:GetItem", "dynamodb:Query");
        targets.put("Resource", String.format(prefix, "dynamodb") + "table/" + scope.targets());
        ObjectNode state =
                allow(
                        "ReadWriteState",
                        "dynamodb:GetItem",
                        "dynamodb:PutItem",
                        "dynamodb:UpdateItem",
                        "dynamodb:DeleteItem",
                        "dynamodb:BatchWriteItem",
                        "dynamodb:Query");
        state.put("Resource", String.format(prefix, "dynamodb") + "table/" + scope.state());
        ObjectNode assume = allow("AssumeStudentRoles", "sts:AssumeRole");
        assume.put("Resource", scope.assumableRolePattern());
        ObjectNode metrics = allow("PublishMetricsInOwnNamespace", "cloudwatch:PutMetricData");
        // PutMetricData has no resource-level ARN: the namespace condition is what scopes it.
        metrics.put("Resource", "*");
        metrics.putObject("Condition")
                .putObject("StringEquals")
                .put("cloudwatch:namespace", scope.namespace());
        ObjectNode logs =
                allow(
                        "WriteOwnLogs",
                        "logs:CreateLogGroup",
                        "logs:CreateLogStream",
                        "logs:PutLogEvents");
        logs.putArray("Resource").add(logGroup).add(logGroup + ":*");
        ObjectNode document = document(targets, state, assume, metrics, logs);
        if (scope.vpc()) {
            ObjectNode network =
                    allow(
                            "AttachToVpc",
                            "ec2:CreateNetworkInterface",
                            "ec2:DescribeNetworkInterfaces",
                            "ec2:DeleteNetworkInterface",
                            "ec2:AssignPrivateIpAddresses",
                            "ec2:UnassignPrivateIpAddresses");
            // These EC2 actions take no resource-level ARN when Lambda calls them.
            network.put("Resource", "*");
            ((ArrayNode) document.get("Statement")).add(network);
        }
        return document;
    }

    /** Lets the function's event source mapping read one source stream. */
    public static ObjectNode streamRead(String streamArn) {
        ObjectNode statement =
                allow("ReadSourceStream", STREAM_READ_ACTIONS.toArray(String[]::new));
        statement.put("Resource", streamArn);
        return document(statement);
    }

    /** The trust policy a student's role needs so that the fan-out role may assume it. */
    public static ObjectNode studentTrust(String fanoutRoleArn, Optional<String> externalId) {
        ObjectNode statement = allow("TrustClassFanout", "sts:AssumeRole");
        statement.putObject("Principal").put("AWS", fanoutRoleArn);
        externalId.ifPresent(
                id ->
                        statement
                                .putObject("Condition")
                                .putObject("StringEquals")
                                .put("sts:ExternalId", id));
        return document(statement);
    }

    /** The permissions a student's role needs on their stream. */
    public static ObjectNode studentPermissions(String streamArn) {
        ObjectNode statement =
                allow("WriteClassEvents", STUDENT_STREAM_ACTIONS.toArray(String[]::new));
        statement.put("Resource", streamArn);
        return document(statement);
    }

    /** A policy document as IAM returns it (URL-encoded) or as written, parsed. */
    public static JsonNode parse(String document) {
        String text = document.trim();
        if (text.startsWith("%")) {
            text = URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "not a JSON policy document: " + e.getOriginalMessage(), e);
        }
    }

    /** Compact JSON, as sent to IAM. */
    public static String text(JsonNode document) {
        return document.toString();
    }

    /** True when both documents say the same (IAM may return them re-encoded). */
    public static boolean same(String actual, JsonNode expected) {
        try {
            return parse(actual).equals(expected);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ObjectNode document(ObjectNode... statements) {
        ObjectNode document = JSON.createObjectNode();
        document.put("Version", VERSION);
        ArrayNode list = document.putArray("Statement");
        for (ObjectNode statement : statements) {
            list.add(statement);
        }
        return document;
    }

    private static ObjectNode allow(String sid, String... actions) {
        ObjectNode statement = JSON.createObjectNode();
        if (sid != null) {
            statement.put("Sid", sid);
        }
        statement.put("Effect", "Allow");
        putOneOrMany(statement, "Action", actions);
        return statement;
    }

    /** {@code key} as IAM's grammar reads it: one value as a string, several as a list. */
    static void putOneOrMany(ObjectNode statement, String key, String... values) {
        if (values.length == 1) {
            statement.put(key, values[0]);
        } else {
            ArrayNode list = statement.putArray(key);
            for (String value : values) {
                list.add(value);
            }
        }
    }

    /** What the execution policy is scoped to. */
    public record ExecutionScope(
            String account,
            String region,
            String function,
            String targets,
            String state,
            String assumableRolePattern,
            String namespace,
            boolean vpc) {}
}
