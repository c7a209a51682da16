package fanout.forward;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.MessageDigest;
import java.util.Objects;
import software.amazon.awssdk.http.ContentStreamProvider;

/**
 * One destination's PutRecords body as two parts, never joined: the batch's shared prefix (with the
 * SHA-256 state after it, computed once) and the destination's own suffix (its stream name).
 */
record PutRecordsBody(Prefix prefix, byte[] suffix) {
    PutRecordsBody {
        Objects.requireNonNull(prefix, "prefix is required");
        Objects.requireNonNull(suffix, "suffix is required");
    }

    int length() {
        return prefix.bytes().length + suffix.length;
    }

    /** The SHA-256 of the whole body, hashing only the suffix. */
    byte[] sha256() {
        MessageDigest digest = prefix.digest();
        digest.update(suffix);
        return digest.digest();
    }

    /** What the HTTP client sends, as often as it asks: the two parts one after the other. */
    ContentStreamProvider content() {
        return new ContentStreamProvider() {
            @Override
            public InputStream newStream() {
                return new SequenceInputStream(
                        new ByteArrayInputStream(prefix.bytes()), new ByteArrayInputStream(suffix));
            }

            @Override
            public String name() {
                return "PutRecordsBody";
            }
        };
    }

    /** The whole body in one array (a copy): for the SDK's signer and for tests. */
    byte[] bytes() {
        byte[] body = new byte[length()];
        System.arraycopy(prefix.bytes(), 0, body, 0, prefix.bytes().length);
        System.arraycopy(suffix, 0, body, prefix.bytes().length, suffix.length);
        return body;
    }

    /**
     * The part of a batch's body every destination shares, and the SHA-256 state after hashing it,
     * which is never finished: each use gets its own copy.
     */
    static final class Prefix {
        private final byte[] bytes;
        private final MessageDigest hashed;

        private Prefix(byte[] bytes, MessageDigest hashed) {
            this.bytes = bytes;
            this.hashed = hashed;
        }

        static Prefix of(byte[] bytes) {
            MessageDigest hashed = SigV4.sha256();
            hashed.update(bytes);
            return new Prefix(bytes, hashed);
        }

        byte[] bytes() {
            return bytes;
        }

        /** A digest that has already hashed the prefix, the caller's to finish. */
        MessageDigest digest() {
            try {
                return (MessageDigest) hashed.clone();
            } catch (CloneNotSupportedException e) {
                MessageDigest again = SigV4.sha256();
                again.update(bytes);
                return again;
            }
        }
    }
}
