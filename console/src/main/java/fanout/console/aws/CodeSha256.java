package fanout.console.aws;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Lambda's CodeSha256 of a deployment package: base64 of the SHA-256 of the zip. Deploy compares it
 * to skip an unchanged upload; the in-memory Lambda reports it as AWS does.
 */
public final class CodeSha256 {
    private CodeSha256() {}

    public static String of(byte[] zip) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(zip));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
