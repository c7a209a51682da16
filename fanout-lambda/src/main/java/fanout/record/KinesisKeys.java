package fanout.record;

import java.math.BigInteger;

/**
 * Kinesis's rules for an entry's keys, checked once per user record before any destination sends
 * it: a KPL aggregate can carry keys Kinesis refuses, and one such entry would make PutRecords
 * refuse the whole call for everyone in it.
 */
public final class KinesisKeys {
    /** PutRecords: a partition key is 1 to 256 Unicode characters. */
    public static final int MAX_PARTITION_KEY_CHARS = 256;

    /** An explicit hash key is a decimal in [0, 2^128 - 1]. */
    public static final BigInteger MAX_HASH_KEY =
            BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    private static final int MAX_HASH_KEY_DIGITS = 39;

    private KinesisKeys() {}

    /** Why the keys cannot be sent, or null when they can. */
    public static String problem(String partitionKey, String explicitHashKey) {
        int chars = partitionKey.codePointCount(0, partitionKey.length());
        if (chars < 1 || chars > MAX_PARTITION_KEY_CHARS) {
            return "partition key has "
                    + chars
                    + " characters, Kinesis takes 1 to "
                    + MAX_PARTITION_KEY_CHARS;
        }
        if (explicitHashKey != null && !validHashKey(explicitHashKey)) {
            String shown =
                    explicitHashKey.length() > 50
                            ? explicitHashKey.substring(0, 50) + "..."
                            : explicitHashKey;
            return "explicit hash key '" + shown + "' is not a decimal between 0 and 2^128-1";
        }
        return null;
    }

    private static boolean validHashKey(String key) {
        if (key.isEmpty() || key.length() > MAX_HASH_KEY_DIGITS) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return key.length() < MAX_HASH_KEY_DIGITS
                || new BigInteger(key).compareTo(MAX_HASH_KEY) <= 0;
    }
}
