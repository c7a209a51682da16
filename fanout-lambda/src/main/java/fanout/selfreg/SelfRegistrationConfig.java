package fanout.selfreg;

import fanout.check.Required;
import fanout.environment.Environment;
import fanout.mapping.Arn;
import fanout.mapping.InvalidArnException;
import fanout.mapping.TargetsTable;
import fanout.state.StateTable;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.PatternSyntaxException;

/**
 * The self-registration function's configuration, read once from the environment at cold start
 * ({@code deploy --self-registration} writes it from the workshop definition). Every problem names
 * the variable; the signing secret is never part of a message.
 *
 * @param responseUrlPrefix late answers are posted only to URLs starting with this (on AWS, Slack's
 *     {@code https://hooks.slack.com/}; the sandbox's loopback there)
 * @param answerBudget how long a request may work before it answers "checking" and goes on later
 *     (Slack gives up after 3 s)
 */
public record SelfRegistrationConfig(
        String functionName,
        String region,
        String sourceArn,
        String forwarderFunction,
        String targetsTable,
        String stateTable,
        IdRule idRule,
        String assumableRolePattern,
        boolean parallel,
        String fanoutRoleArn,
        SigningSecret secret,
        String responseUrlPrefix,
        Duration answerBudget) {
    public static final String SOURCE_ARN = "FANOUT_SELFREG_SOURCE_ARN";
    public static final String FORWARDER = "FANOUT_SELFREG_FORWARDER";
    public static final String STREAM_ID_PATTERN = "FANOUT_SELFREG_STREAM_ID_PATTERN";
    public static final String ROLE_ID_PATTERN = "FANOUT_SELFREG_ROLE_ID_PATTERN";
    public static final String ID_HELP = "FANOUT_SELFREG_ID_HELP";
    public static final String ASSUMABLE_ROLE_PATTERN = "FANOUT_SELFREG_ASSUMABLE_ROLE_PATTERN";
    public static final String PARALLEL = "FANOUT_SELFREG_PARALLEL";
    public static final String FANOUT_ROLE_ARN = "FANOUT_SELFREG_FANOUT_ROLE_ARN";
    public static final String SIGNING_SECRET = "SLACK_SIGNING_SECRET";

    // Lambda's own, then the forwarder's tables: deploy sets them from the forwarder's.
    public static final String FUNCTION_NAME = Environment.FUNCTION_NAME;
    public static final String REGION = Environment.REGION;
    public static final String TARGETS_TABLE = Environment.TARGETS_TABLE;
    public static final String STATE_TABLE = Environment.STATE_TABLE;

    public static final String SLACK_RESPONSE_URLS = "https://hooks.slack.com/";
    public static final Duration ANSWER_BUDGET = Duration.ofMillis(2500);

    public SelfRegistrationConfig {
        Objects.requireNonNull(functionName, "functionName is required");
        Objects.requireNonNull(region, "region is required");
        Objects.requireNonNull(forwarderFunction, FORWARDER + " is required");
        Required.all("targetsTable, stateTable, idRule", targetsTable, stateTable, idRule);
        Objects.requireNonNull(assumableRolePattern, ASSUMABLE_ROLE_PATTERN + " is required");
        Objects.requireNonNull(secret, SIGNING_SECRET + " is required");
        Objects.requireNonNull(responseUrlPrefix, "responseUrlPrefix is required");
        Objects.requireNonNull(answerBudget, "answerBudget is required");
        try {
            Arn.kinesisStream(Objects.requireNonNull(sourceArn, SOURCE_ARN + " is required"));
            Arn.iamRole(Objects.requireNonNull(fanoutRoleArn, FANOUT_ROLE_ARN + " is required"));
        } catch (InvalidArnException e) {
            throw new IllegalArgumentException(
                    SOURCE_ARN + "/" + FANOUT_ROLE_ARN + ": " + e.getMessage());
        }
    }

    /** As Lambda runs it: late answers go to Slack only. */
    public static SelfRegistrationConfig fromEnvironment(Map<String, String> env) {
        return fromEnvironment(env, SLACK_RESPONSE_URLS);
    }

    public static SelfRegistrationConfig fromEnvironment(
            Map<String, String> env, String responseUrlPrefix) {
        Environment environment = new Environment(env);
        String forwarder = required(environment, FORWARDER);
        IdRule rule;
        try {
            rule =
                    IdRule.of(
                            required(environment, STREAM_ID_PATTERN),
                            required(environment, ROLE_ID_PATTERN),
                            env.get(ID_HELP));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    STREAM_ID_PATTERN + "/" + ROLE_ID_PATTERN + ": " + e.getDescription());
        }
        String secret = env.get(SIGNING_SECRET);
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(
                    SIGNING_SECRET
                            + " is required: the signing secret of your Slack app (Basic"
                            + " Information page)");
        }
        return new SelfRegistrationConfig(
                environment.text(FUNCTION_NAME, forwarder + "-selfreg"),
                environment.text(REGION, "us-east-1"),
                required(environment, SOURCE_ARN),
                forwarder,
                environment.text(TARGETS_TABLE, TargetsTable.defaultName(forwarder)),
                environment.text(STATE_TABLE, StateTable.defaultName(forwarder)),
                rule,
                required(environment, ASSUMABLE_ROLE_PATTERN),
                Boolean.parseBoolean(environment.text(PARALLEL, "false")),
                required(environment, FANOUT_ROLE_ARN),
                SigningSecret.of(secret),
                responseUrlPrefix,
                ANSWER_BUDGET);
    }

    public SelfRegistrationConfig withAnswerBudget(Duration budget) {
        return new SelfRegistrationConfig(
                functionName,
                region,
                sourceArn,
                forwarderFunction,
                targetsTable,
                stateTable,
                idRule,
                assumableRolePattern,
                parallel,
                fanoutRoleArn,
                secret,
                responseUrlPrefix,
                budget);
    }

    private static String required(Environment environment, String name) {
        return environment.required(name, "deploy --self-registration sets it");
    }
}
