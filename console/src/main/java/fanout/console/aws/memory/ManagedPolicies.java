package fanout.console.aws.memory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Managed policies a role can have attached: a few AWS-managed ones leaders attach by hand (with
 * their documents as AWS publishes them, shortened to what matters here), plus those created with
 * CreatePolicy. Guarded by the IAM fake's lock.
 */
final class ManagedPolicies {
    private static final String LOGS =
            "{\"Effect\":\"Allow\",\"Action\":[\"logs:CreateLogGroup\",\"logs:CreateLogStream\","
                    + "\"logs:PutLogEvents\"],\"Resource\":\"*\"}";
    private static final Map<String, String> AWS_MANAGED =
            Map.of(
                    "service-role/AWSLambdaBasicExecutionRole",
                    wrapped(LOGS),
                    "service-role/AWSLambdaKinesisExecutionRole",
                    wrapped(
                            "{\"Effect\":\"Allow\",\"Action\":[\"kinesis:DescribeStream\","
                                    + "\"kinesis:DescribeStreamSummary\",\"kinesis:GetRecords\","
                                    + "\"kinesis:GetShardIterator\",\"kinesis:ListShards\","
                                    + "\"kinesis:ListStreams\",\"kinesis:SubscribeToShard\"],"
                                    + "\"Resource\":\"*\"},"
                                    + LOGS),
                    "ReadOnlyAccess",
                    wrapped(
                            "{\"Effect\":\"Allow\",\"Action\":[\"dynamodb:Describe*\","
                                    + "\"dynamodb:Get*\",\"dynamodb:Query\",\"dynamodb:Scan\","
                                    + "\"kinesis:Describe*\",\"kinesis:List*\",\"kinesis:Get*\"],"
                                    + "\"Resource\":\"*\"}"),
                    "AdministratorAccess",
                    wrapped("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}"));

    private final String partition;
    private final String account;
    private final Map<String, String> customerManaged = new LinkedHashMap<>();

    ManagedPolicies(String partition, String account) {
        this.partition = partition;
        this.account = account;
    }

    /** The document of an attachable policy, by ARN. */
    Optional<String> document(String arn) {
        String awsPrefix = "arn:" + partition + ":iam::aws:policy/";
        if (arn != null && arn.startsWith(awsPrefix)) {
            return Optional.ofNullable(AWS_MANAGED.get(arn.substring(awsPrefix.length())));
        }
        return Optional.ofNullable(customerManaged.get(arn));
    }

    /** Stores a customer-managed policy; its ARN. */
    String create(String path, String name, String document) {
        String arn =
                "arn:"
                        + partition
                        + ":iam::"
                        + account
                        + ":policy"
                        + (path == null ? "/" : path)
                        + name;
        customerManaged.put(arn, document);
        return arn;
    }

    boolean exists(String arn) {
        return customerManaged.containsKey(arn);
    }

    private static String wrapped(String statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statements + "]}";
    }
}
