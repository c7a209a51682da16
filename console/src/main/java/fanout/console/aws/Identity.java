package fanout.console.aws;

import java.util.Objects;

/** Who a session's credentials are: the account and the caller's ARN (STS GetCallerIdentity). */
public record Identity(String account, String arn) {

    public Identity {
        Objects.requireNonNull(account, "an identity names its account");
        Objects.requireNonNull(arn, "an identity names its caller's ARN");
    }
}
