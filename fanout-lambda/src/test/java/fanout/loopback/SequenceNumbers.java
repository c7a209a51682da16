package fanout.loopback;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * The sequence numbers a loopback shard hands out: the n-th record gets {@link #FIRST} + n, as
 * Kinesis's 56-digit decimals. Built as a fixed 38-digit head plus an 18-digit zero-padded tail in
 * a long, because a BigInteger add and toString per record was a large share of the sink's CPU.
 * Every number keeps the same 56 digits, so the strings compare in the same order as the numbers
 * and readers that parse them with BigInteger see exactly what they saw before.
 */
final class SequenceNumbers {
    static final String FIRST = "49659127394405840167428115789226937401171000000000000001";
    private static final int TAIL_DIGITS = 18;
    private static final long TAIL_LIMIT = 1_000_000_000_000_000_000L;
    private static final byte[] HEAD =
            FIRST.substring(0, FIRST.length() - TAIL_DIGITS).getBytes(StandardCharsets.US_ASCII);
    private static final long FIRST_TAIL =
            Long.parseLong(FIRST.substring(FIRST.length() - TAIL_DIGITS));

    private SequenceNumbers() {}

    /** The n-th sequence number of a shard, counted from 0. */
    static String nth(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("a record index is at least 0, was " + index);
        }
        long tail = FIRST_TAIL + index;
        if (tail >= TAIL_LIMIT || tail < 0) {
            // Past the tail's 18 digits the head changes: rare enough to pay the exact way.
            return new BigInteger(FIRST).add(BigInteger.valueOf(index)).toString();
        }
        byte[] digits = new byte[HEAD.length + TAIL_DIGITS];
        System.arraycopy(HEAD, 0, digits, 0, HEAD.length);
        for (int at = digits.length - 1; at >= HEAD.length; at--) {
            digits[at] = (byte) ('0' + tail % 10);
            tail /= 10;
        }
        return new String(digits, StandardCharsets.US_ASCII);
    }
}
