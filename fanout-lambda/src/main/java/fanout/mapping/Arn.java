package fanout.mapping;

import java.util.regex.Pattern;

/**
 * An ARN split into its parts, validated with messages that name the part that is wrong.
 *
 * @param resourceType for {@code stream/name}, {@code stream}; for {@code role/path/name}, {@code
 *     role}
 * @param resourceName what follows the resource type (for roles, path and name)
 */
public record Arn(
        String partition,
        String service,
        String region,
        String account,
        String resourceType,
        String resourceName) {

    private static final Pattern PARTITION = Pattern.compile("aws(-cn|-us-gov|-iso|-iso-b)?");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso|-isob)?-[a-z]+-\\d");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern STREAM_NAME = Pattern.compile("[a-zA-Z0-9_.-]{1,128}");
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

    /**
     * The partition a region belongs to (aws-cn for cn-*, aws-us-gov for us-gov-*, ...): ARNs are
     * built with it, never with a literal {@code aws}, so a class in China or GovCloud works.
     */
    public static String partitionOf(String region) {
        if (region == null) {
            return "aws";
        }
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        if (region.startsWith("us-isob-")) {
            return "aws-iso-b";
        }
        if (region.startsWith("us-iso-")) {
            return "aws-iso";
        }
        return "aws";
    }

    /** The ARN of stream {@code name} in {@code account} and {@code region}, in its partition. */
    public static String kinesisStreamArn(String region, String account, String name) {
        return of("kinesis", region, account, "stream/" + name);
    }

    /** The ARN of IAM role {@code name} in {@code account}, in the partition of {@code region}. */
    public static String iamRoleArn(String region, String account, String name) {
        return join(partitionOf(region), "iam", "", account, "role/" + name);
    }

    /**
     * A regional ARN of {@code service} in the partition of {@code region}, e.g. {@code arn(lambda,
     * us-west-2, 123456789012, function:fanout)}.
     */
    public static String of(String service, String region, String account, String resource) {
        return join(partitionOf(region), service, region, account, resource);
    }

    private static String join(
            String partition, String service, String region, String account, String resource) {
        return String.join(":", "arn", partition, service, region, account, resource);
    }

    /**
     * Whether {@code arn} matches an IAM resource pattern, where {@code *} stands for any
     * characters and {@code ?} for one (as IAM matches a policy's Resource).
     */
    public static boolean matches(String pattern, String arn) {
        if (pattern == null || arn == null) {
            return false;
        }
        return glob(pattern, Pattern.DOTALL).matcher(arn).matches();
    }

    /**
     * IAM's ARN wildcards as a regex: {@code *} any run of characters, {@code ?} one character;
     * everything else literal. The one translation the bot, the console and the policy fakes share.
     */
    public static Pattern glob(String pattern, int flags) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), flags);
    }

    public static boolean isRegion(String value) {
        return value != null && REGION.matcher(value).matches();
    }

    public static boolean isAccount(String value) {
        return value != null && ACCOUNT.matcher(value).matches();
    }

    public static boolean isStreamName(String value) {
        return value != null && STREAM_NAME.matcher(value).matches();
    }

    /**
     * A Lambda function's name from its name or (qualified or not) ARN, as Lambda accepts either in
     * {@code FunctionName}; null stays null.
     */
    public static String functionName(String nameOrArn) {
        if (nameOrArn == null) {
            return null;
        }
        int marker = nameOrArn.indexOf(":function:");
        if (marker < 0) {
            return nameOrArn;
        }
        String rest = nameOrArn.substring(marker + ":function:".length());
        int qualifier = rest.indexOf(':');
        return qualifier < 0 ? rest : rest.substring(0, qualifier);
    }

    /** Parses any ARN; the parts are checked by {@link #kinesisStream} and {@link #iamRole}. */
    public static Arn parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidArnException("the ARN is empty");
        }
        String[] parts = text.trim().split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn")) {
            throw new InvalidArnException(
                    "'"
                            + text
                            + "' is not an ARN: expected arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE");
        }
        if (!PARTITION.matcher(parts[1]).matches()) {
            throw new InvalidArnException(
                    "partition '"
                            + parts[1]
                            + "' in "
                            + text
                            + " is not aws, aws-cn or aws-us-gov");
        }
        String resource = parts[5];
        int split = resource.indexOf('/');
        String type = split < 0 ? resource : resource.substring(0, split);
        String name = split < 0 ? "" : resource.substring(split + 1);
        return new Arn(parts[1], parts[2], parts[3], parts[4], type, name);
    }

    /** A Kinesis stream ARN: {@code arn:PARTITION:kinesis:REGION:ACCOUNT:stream/NAME}. */
    public static Arn kinesisStream(String text) {
        Arn arn = parse(text);
        arn.requireService("kinesis", text);
        if (!isRegion(arn.region)) {
            throw new InvalidArnException(
                    "region '"
                            + arn.region
                            + "' in "
                            + text
                            + " is not a region such as us-west-2");
        }
        if (!arn.partition.equals(partitionOf(arn.region))) {
            throw new InvalidArnException(
                    "partition '"
                            + arn.partition
                            + "' in "
                            + text
                            + " does not go with region "
                            + arn.region
                            + ": use "
                            + partitionOf(arn.region));
        }
        arn.requireAccount(text);
        arn.requireResourceType("stream", text);
        requireName(
                STREAM_NAME,
                "stream name",
                arn.resourceName,
                text,
                "1-128 letters, digits, '_', '.' or '-'");
        return arn;
    }

    /** An IAM role ARN: {@code arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME}. */
    public static Arn iamRole(String text) {
        Arn arn = parse(text);
        arn.requireService("iam", text);
        if (!arn.region.isEmpty()) {
            throw new InvalidArnException(
                    "region '" + arn.region + "' in " + text + " must be empty: IAM is global");
        }
        arn.requireAccount(text);
        arn.requireResourceType("role", text);
        requireName(
                ROLE_NAME, "role name", arn.shortName(), text, "1-64 letters, digits or +=,.@_-");
        return arn;
    }

    /** The last segment of the resource name (a stream's or a role's name). */
    public String shortName() {
        return resourceName.substring(resourceName.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return join(
                partition,
                service,
                region,
                account,
                resourceName.isEmpty() ? resourceType : resourceType + "/" + resourceName);
    }

    private void requireService(String expected, String text) {
        if (!service.equals(expected)) {
            throw new InvalidArnException(
                    "service '" + service + "' in " + text + " must be " + expected);
        }
    }

    private void requireResourceType(String expected, String text) {
        if (!resourceType.equals(expected)) {
            throw new InvalidArnException(
                    "resource '"
                            + resourceType
                            + "' in "
                            + text
                            + " must be "
                            + expected
                            + "/NAME");
        }
    }

    private static void requireName(
            Pattern rule, String what, String name, String text, String allowed) {
        if (!rule.matcher(name).matches()) {
            throw new InvalidArnException(
                    what + " '" + name + "' in " + text + " must be " + allowed);
        }
    }

    private void requireAccount(String text) {
        if (!isAccount(account)) {
            throw new InvalidArnException(
                    "account '" + account + "' in " + text + " must be 12 digits");
        }
    }
}
