package fanout.console.tui.service;

import fanout.console.Session;
import fanout.console.aws.AwsFailure;
import fanout.console.aws.AwsResult;
import fanout.console.aws.Identity;
import fanout.console.aws.IdentitySource;
import fanout.console.tui.setup.Connection;
import fanout.console.tui.setup.ConnectionProbe;
import java.util.List;

/** Who the session runs as, from its identity source (the sandbox's STS answers too). */
public final class SessionConnectionProbe implements ConnectionProbe {
    private final Session session;
    private final IdentitySource identities;

    public SessionConnectionProbe(Session session, IdentitySource identities) {
        this.session = session;
        this.identities = identities;
    }

    @Override
    public Connection connect() {
        String workshop = session.workshop().name();
        AwsResult<Identity> who = AwsResult.of(identities::identity);
        if (who instanceof AwsResult.Done<Identity> done) {
            return new Connection(
                    done.value().account(),
                    session.region(),
                    session.sandbox() ? "sandbox leader" : done.value().arn(),
                    session.sandbox(),
                    workshop,
                    session.functionName(),
                    List.of());
        }
        AwsFailure failure = ((AwsResult.Failed<Identity>) who).failure();
        return new Connection(
                null,
                session.region(),
                null,
                session.sandbox(),
                workshop,
                session.functionName(),
                List.of(
                        new Connection.Problem(
                                "cannot tell who you are: " + failure.reason(),
                                failure.hint().isEmpty()
                                        ? "check your AWS credentials, or try `fanout sandbox`"
                                        : failure.hint())));
    }
}
