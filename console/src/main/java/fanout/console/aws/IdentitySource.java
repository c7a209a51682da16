package fanout.console.aws;

/** Tells who the session runs as. SDK failures propagate; wrap the call in {@link AwsResult}. */
public interface IdentitySource {
    Identity identity();
}
