package fanout.console.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fanout.mapping.Arn;

/**
 * The self-registration function's execution policy, least privilege and apart from the fan-out
 * role: it reads and conditionally writes rows of the targets table, writes replay marks and reads
 * the lock in the state table, invokes the fan-out function (its {@code check}) and itself (the
 * late answer). No sts:AssumeRole: students' roles trust only the fan-out role.
 */
final class SelfRegistrationPolicy {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SelfRegistrationPolicy() {}

    static ObjectNode document(
            String account,
            String region,
            String forwarder,
            String function,
            String targets,
            String state) {
        String prefix = ":" + region + ":" + account + ":";
        String arn = "arn:" + Arn.partitionOf(region) + ":";
        ObjectNode document = JSON.createObjectNode();
        document.put("Version", PolicyDocuments.VERSION);
        ArrayNode statements = document.putArray("Statement");
        statements.add(
                allow(
                        "RegisterStudents",
                        new String[] {
                            "dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"
                        },
                        arn + "dynamodb" + prefix + "table/" + targets));
        statements.add(
                allow(
                        "ReplayMarksAndLock",
                        new String[] {"dynamodb:GetItem", "dynamodb:PutItem"},
                        arn + "dynamodb" + prefix + "table/" + state));
        statements.add(
                allow(
                        "CheckThroughTheFanoutFunctionAndAnswerLate",
                        new String[] {"lambda:InvokeFunction"},
                        arn + "lambda" + prefix + "function:" + forwarder,
                        arn + "lambda" + prefix + "function:" + function));
        String logGroup = arn + "logs" + prefix + "log-group:/aws/lambda/" + function;
        statements.add(
                allow(
                        "WriteOwnLogs",
                        new String[] {
                            "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"
                        },
                        logGroup,
                        logGroup + ":*"));
        return document;
    }

    private static ObjectNode allow(String sid, String[] actions, String... resources) {
        ObjectNode statement = JSON.createObjectNode();
        statement.put("Sid", sid);
        statement.put("Effect", "Allow");
        ArrayNode list = statement.putArray("Action");
        for (String action : actions) {
            list.add(action);
        }
        PolicyDocuments.putOneOrMany(statement, "Resource", resources);
        return statement;
    }
}
