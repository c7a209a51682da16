package fanout.console.handout;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fanout.check.Required;

/**
 * What to give students. ARNs may keep the placeholders {@code {id}} and {@code {account}} when the
 * handout is for the whole class.
 *
 * @param fanoutDeployed false when the function is not deployed yet (the role ARN is then the one
 *     deploy will create)
 * @param externalId null when the class uses none
 */
public record Handout(
        String coreAccount,
        String region,
        String fanoutRoleArn,
        boolean fanoutDeployed,
        String externalId,
        String sourceStreamArn,
        String studentRoleArn,
        String studentStreamArn,
        ObjectNode trustPolicy,
        ObjectNode permissionsPolicy) {

    public Handout {
        Required.all(
                "coreAccount, fanoutRoleArn, trustPolicy, permissionsPolicy",
                coreAccount,
                fanoutRoleArn,
                trustPolicy,
                permissionsPolicy);
    }
}
