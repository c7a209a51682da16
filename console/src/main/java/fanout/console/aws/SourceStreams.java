package fanout.console.aws;

import fanout.console.Session;
import fanout.console.problem.BadInputException;
import fanout.mapping.Arn;
import fanout.mapping.InvalidArnException;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The source stream a command acts on: {@code --source-arn} when given (validated, naming the bad
 * part), else the workshop's source stream in the caller's account and the session's region.
 */
public final class SourceStreams {
    private SourceStreams() {}

    public static String resolve(Session session, Optional<String> sourceArn) {
        if (sourceArn.isPresent()) {
            try {
                return Arn.kinesisStream(sourceArn.get()).toString();
            } catch (InvalidArnException e) {
                throw new BadInputException("--source-arn: " + e.getMessage());
            }
        }
        return session.workshop().sourceStreamArn(callerAccount(session), session.region());
    }

    /** The account the session's credentials belong to (STS GetCallerIdentity). */
    public static String callerAccount(Session session) {
        try {
            return session.aws().sts().getCallerIdentity().account();
        } catch (SdkException e) {
            throw AwsErrors.wrap("finding your AWS account (sts:GetCallerIdentity)", e);
        }
    }
}
