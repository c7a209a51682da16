package fanout.console.tui.service;

import fanout.console.Session;
import fanout.console.aws.AwsErrors;
import fanout.console.tui.setup.Connection;
import fanout.console.tui.setup.ConnectionProbe;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** Who the session runs as, from STS GetCallerIdentity (the sandbox's STS answers too). */
public final class StsConnectionProbe implements ConnectionProbe {
    private final Session session;

    public StsConnectionProbe(Session session) {
        this.session = session;
    }

    @Override
    public Connection connect() {
        String workshop = session.workshop().name();
        try {
            GetCallerIdentityResponse identity = session.aws().sts().getCallerIdentity();
            return new Connection(
                    identity.account(),
                    session.region(),
                    session.sandbox() ? "sandbox leader" : identity.arn(),
                    session.sandbox(),
                    workshop,
                    session.functionName(),
                    List.of());
        } catch (SdkException e) {
            String hint = AwsErrors.hint(e);
            return new Connection(
                    null,
                    session.region(),
                    null,
                    session.sandbox(),
                    workshop,
                    session.functionName(),
                    List.of(
                            new Connection.Problem(
                                    "cannot tell who you are: " + AwsErrors.reason(e),
                                    hint.isEmpty()
                                            ? "check your AWS credentials, or try `fanout sandbox`"
                                            : hint)));
        }
    }
}
