package fanout.console.handout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class HandoutTextTest {

    @Test
    void theTextHasEveryValueAndBothPoliciesOfTheStudentsRole() {
        Handout handout =
                new Handout(
                        "123456789012",
                        "us-west-2",
                        "arn:aws:iam::123456789012:role/fanoutRole",
                        false,
                        null,
                        "arn:aws:kinesis:us-west-2:123456789012:stream/coreRetailStream",
                        "arn:aws:iam::{account}:role/fanout-{id}",
                        "arn:aws:kinesis:us-west-2:{account}:stream/{id}Stream",
                        policy("sts:AssumeRole"),
                        policy("kinesis:PutRecords"));

        assertThat(HandoutText.of(handout))
                .contains("Core (workshop leader) account: 123456789012")
                .contains("arn:aws:iam::123456789012:role/fanoutRole  (created by `fanout deploy`)")
                .contains("External id:                     (none)")
                .contains("Trust policy of your role:\n{\n  \"Action\" : \"sts:AssumeRole\"")
                .contains(
                        "Permissions policy of your role:\n{\n  \"Action\" : \"kinesis:PutRecords\"");
    }

    private static ObjectNode policy(String action) {
        ObjectNode statement = JsonNodeFactory.instance.objectNode();
        statement.put("Action", action);
        return statement;
    }
}
