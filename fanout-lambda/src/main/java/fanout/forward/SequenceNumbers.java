package fanout.forward;

import java.util.Comparator;

/**
 * Kinesis sequence numbers are decimal strings of up to 128 bits: compare them as numbers, which
 * for digits without leading zeros is length first, then text.
 */
public final class SequenceNumbers {
    /** Without copying: every destination compares every record of a batch (30,000 a batch). */
    public static final Comparator<String> ORDER = SequenceNumbers::compare;

    private SequenceNumbers() {}

    public static boolean atOrBefore(String sequenceNumber, String checkpoint) {
        return checkpoint != null && ORDER.compare(sequenceNumber, checkpoint) <= 0;
    }

    private static int compare(String a, String b) {
        int i = firstSignificant(a);
        int j = firstSignificant(b);
        int byLength = Integer.compare(a.length() - i, b.length() - j);
        if (byLength != 0) {
            return byLength;
        }
        for (; i < a.length(); i++, j++) {
            int byDigit = Character.compare(a.charAt(i), b.charAt(j));
            if (byDigit != 0) {
                return byDigit;
            }
        }
        return 0;
    }

    /** Where the number starts once leading zeros are skipped (a lone "0" stays). */
    private static int firstSignificant(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return i;
    }
}
