package fanout.console.deploy;

import fanout.console.problem.OperationFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/** The fan-out function's deployment jar, bundled in the console jar. */
public final class LambdaJar {
    public static final String RESOURCE = "/fanout/lambda/fanout-lambda.jar";

    /** Lambda's limit for a zip uploaded directly (not through S3). */
    public static final long DIRECT_UPLOAD_LIMIT = 50L * 1024 * 1024;

    private LambdaJar() {}

    /** Reads the bundled jar on each call; deploy calls it once. */
    public static Supplier<byte[]> bundled() {
        return () -> {
            try (InputStream in = LambdaJar.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new OperationFailedException(
                            "this console has no bundled Lambda jar ("
                                    + RESOURCE
                                    + "): build it with `./fanout` or `mvn package`");
                }
                byte[] code = in.readAllBytes();
                if (code.length > DIRECT_UPLOAD_LIMIT) {
                    throw new OperationFailedException(
                            "the Lambda jar is "
                                    + code.length / (1024 * 1024)
                                    + " MB, over Lambda's 50 MB direct upload limit");
                }
                return code;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        };
    }
}
