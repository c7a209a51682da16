package fanout.console.handout;

import fanout.console.aws.AwsClients;
import fanout.console.aws.NotFound;
import fanout.console.deploy.DeployPlan;
import fanout.console.deploy.PolicyDocuments;
import fanout.console.workshop.Workshop;
import fanout.mapping.Arn;
import java.util.Objects;
import java.util.Optional;

/** Builds the students' handout from the deployed function (or the one deploy would create). */
public record HandoutService(AwsClients aws, Workshop workshop) {
    public HandoutService {
        Objects.requireNonNull(aws, "aws");
        Objects.requireNonNull(workshop, "workshop");
    }

    /**
     * @param id one student's id, or empty for the class (ARNs keep {@code {id}})
     * @param studentAccount one student's account, or empty (ARNs keep {@code {account}})
     */
    public Handout handout(
            String function,
            Optional<String> externalId,
            Optional<String> id,
            Optional<String> studentAccount) {
        String account = aws.sts().getCallerIdentity().account();
        Optional<String> deployedRole = deployedRole(function);
        String roleArn =
                deployedRole.orElse(
                        Arn.iamRoleArn(aws.region(), account, DeployPlan.roleName(function)));
        String studentId = id.orElse("{id}");
        String studentAcct = studentAccount.orElse("{account}");
        String streamArn = workshop.streamArn(studentId, studentAcct, aws.region());
        return new Handout(
                account,
                aws.region(),
                roleArn,
                deployedRole.isPresent(),
                externalId.orElse(null),
                workshop.sourceStreamArn(account, aws.region()),
                workshop.roleArn(studentId, studentAcct, aws.region()),
                streamArn,
                PolicyDocuments.studentTrust(roleArn, externalId),
                PolicyDocuments.studentPermissions(streamArn));
    }

    private Optional<String> deployedRole(String function) {
        return NotFound.asEmpty(
                () -> aws.lambda().getFunctionConfiguration(r -> r.functionName(function)).role());
    }
}
