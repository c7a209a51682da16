package fanout.forward;

import java.util.Comparator;

/**
 * Kinesis sequence numbers are decimal strings of up to 128 bits: compare them as numbers, which
 * for digits without leading zeros is length first, then text.
 */
public final class SequenceNumbers {
    public static final Comparator<String> ORDER =
            Comparator.comparingInt((String s) -> stripped(s).length())
                    .thenComparing(SequenceNumbers::stripped);

    private SequenceNumbers() {}

    public static boolean atOrBefore(String sequenceNumber, String checkpoint) {
        return checkpoint != null && ORDER.compare(sequenceNumber, checkpoint) <= 0;
    }

    private static String stripped(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }
}
