package fanout.console.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyDocumentsTest {
    private static final PolicyDocuments.ExecutionScope SCOPE =
            new PolicyDocuments.ExecutionScope(
                    "123456789012",
                    "us-west-2",
                    "fanout",
                    "fanoutTargets",
                    "fanoutState",
                    "arn:aws:iam::*:role/*StreamWriter",
                    "Fanout",
                    false);

    public static List<String> actions(JsonNode document) {
        List<String> actions = new ArrayList<>();
        for (JsonNode statement : document.get("Statement")) {
            JsonNode action = statement.get("Action");
            if (action.isTextual()) {
                actions.add(action.asText());
            } else {
                action.forEach(a -> actions.add(a.asText()));
            }
        }
        return actions;
    }

    static JsonNode statement(JsonNode document, String sid) {
        for (JsonNode statement : document.get("Statement")) {
            if (sid.equals(statement.path("Sid").asText())) {
                return statement;
            }
        }
        throw new AssertionError("no statement " + sid + " in " + document);
    }

    @Test
    void theExecutionPolicyNamesEveryActionAndNoneIsAWildcard() {
        JsonNode policy = PolicyDocuments.execution(SCOPE);
        assertThat(actions(policy))
                .allSatisfy(action -> assertThat(action).doesNotContain("*").contains(":"))
                .doesNotContain("kinesis:PutRecords");
    }

    @Test
    void theExecutionPolicyScopesEveryResource() {
        JsonNode policy = PolicyDocuments.execution(SCOPE);
        assertThat(statement(policy, "ReadMappings").get("Resource").asText())
                .isEqualTo("arn:aws:dynamodb:us-west-2:123456789012:table/fanoutTargets");
        assertThat(statement(policy, "ReadMappings").get("Action").toString())
                .isEqualTo("[\"dynamodb:GetItem\",\"dynamodb:Query\"]");
        assertThat(statement(policy, "ReadWriteState").get("Resource").asText())
                .isEqualTo("arn:aws:dynamodb:us-west-2:123456789012:table/fanoutState");
        assertThat(statement(policy, "AssumeStudentRoles").get("Resource").asText())
                .isEqualTo("arn:aws:iam::*:role/*StreamWriter");
        JsonNode metrics = statement(policy, "PublishMetricsInOwnNamespace");
        assertThat(metrics.at("/Condition/StringEquals/cloudwatch:namespace").asText())
                .isEqualTo("Fanout");
        assertThat(statement(policy, "WriteOwnLogs").get("Resource").toString())
                .contains("log-group:/aws/lambda/fanout\"")
                .contains("log-group:/aws/lambda/fanout:*\"");
        for (JsonNode statement : policy.get("Statement")) {
            if (statement.get("Resource").asText().equals("*")) {
                assertThat(statement.has("Condition"))
                        .as("a * resource is only allowed with a condition: %s", statement)
                        .isTrue();
            }
        }
    }

    @Test
    void catchUpFromTheSourceAndTheCursorWritesAreGranted() {
        // The forwarder reads the source shard (catch-up, replay) and keeps one cursor item per
        // shard: GetItem, a conditional PutItem and a Query on the state table.
        assertThat(statement(PolicyDocuments.execution(SCOPE), "ReadWriteState").get("Action"))
                .extracting(JsonNode::asText)
                .contains("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query");
        assertThat(PolicyDocuments.STREAM_READ_ACTIONS)
                .contains("kinesis:GetShardIterator", "kinesis:GetRecords", "kinesis:ListShards");
    }

    @Test
    void theStreamReadGrantCoversOnlyThatStream() {
        JsonNode grant =
                PolicyDocuments.streamRead(
                        "arn:aws:kinesis:us-west-2:123456789012:stream/coreRetailStream");
        assertThat(actions(grant)).containsExactlyElementsOf(PolicyDocuments.STREAM_READ_ACTIONS);
        assertThat(grant.at("/Statement/0/Resource").asText())
                .isEqualTo("arn:aws:kinesis:us-west-2:123456789012:stream/coreRetailStream");
    }

    @Test
    void theStudentTrustNamesTheFanoutRoleAndTheExternalIdWhenSet() {
        String role = "arn:aws:iam::123456789012:role/fanoutRole";
        JsonNode withId = PolicyDocuments.studentTrust(role, Optional.of("class-7"));
        assertThat(withId.at("/Statement/0/Principal/AWS").asText()).isEqualTo(role);
        assertThat(withId.at("/Statement/0/Condition/StringEquals/sts:ExternalId").asText())
                .isEqualTo("class-7");
        assertThat(
                        PolicyDocuments.studentTrust(role, Optional.empty())
                                .at("/Statement/0")
                                .has("Condition"))
                .isFalse();
    }

    @Test
    void documentsAsIamReturnsThemUrlEncodedCompareEqual() {
        JsonNode trust = PolicyDocuments.lambdaTrust();
        String encoded =
                java.net.URLEncoder.encode(
                        trust.toString(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(PolicyDocuments.same(encoded, trust)).isTrue();
        assertThat(PolicyDocuments.same(encoded, PolicyDocuments.execution(SCOPE))).isFalse();
    }
}
