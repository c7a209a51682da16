package fanout.forward;

import java.util.Locale;

/**
 * How the per-student calls are made: through the SDK's clients (their pipeline per call, CBOR on
 * AWS), or {@link #DIRECT}: PutRecords marshalled once per batch in JSON 1.1 and AssumeRole in
 * STS's query protocol, each signed with the SDK's signer over the same HTTP client. A leader can
 * switch both back to the SDK on AWS by setting the function's environment, without new code.
 */
public enum PutRecordsPath {
    SDK,
    DIRECT;

    public static final PutRecordsPath DEFAULT = DIRECT;

    /** {@code sdk} or {@code direct}, any case; blank means the default. */
    public static PutRecordsPath parse(String value, String variable) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    variable + " must be sdk or direct, was '" + value.trim() + "'", e);
        }
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
