package fanout.console.aws.policy;

/** The outcome of evaluating identity policies for one request, as IAM reports it. */
public enum Decision {
    ALLOWED,
    /** A Deny statement matched: nothing else can grant it. */
    EXPLICIT_DENY,
    /** No statement allowed it (IAM's default). */
    IMPLICIT_DENY
}
