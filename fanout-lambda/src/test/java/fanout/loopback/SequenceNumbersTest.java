package fanout.loopback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class SequenceNumbersTest {
    private static final BigInteger FIRST = new BigInteger(SequenceNumbers.FIRST);

    @Test
    void theFirstMillionAreExactlyFirstPlusTheirIndexAndStrictlyIncreasingAsStrings() {
        String previous = null;
        for (long i = 0; i <= 1_000_000; i++) {
            String n = SequenceNumbers.nth(i);
            if (i % 997 == 0 || i < 100 || i > 999_900) {
                assertThat(n).isEqualTo(FIRST.add(BigInteger.valueOf(i)).toString());
            }
            if (previous != null) {
                assertThat(n.compareTo(previous)).as("order at %d", i).isPositive();
            }
            previous = n;
        }
    }

    @Test
    void everyNumberKeepsTheFiftySixDigitsSoStringAndNumericOrderAgree() {
        for (long i : new long[] {0, 9, 10, 99_999, 1L << 40, 828_999_999_999_999_998L}) {
            assertThat(SequenceNumbers.nth(i)).hasSize(56);
            assertThat(new BigInteger(SequenceNumbers.nth(i)))
                    .isEqualTo(FIRST.add(BigInteger.valueOf(i)));
        }
    }

    @Test
    void pastTheEighteenDigitTailTheHeadCarriesExactly() {
        long lastInTail = 1_000_000_000_000_000_000L - 171_000_000_000_000_001L - 1;
        for (long i = lastInTail - 1; i <= lastInTail + 2; i++) {
            assertThat(SequenceNumbers.nth(i))
                    .isEqualTo(FIRST.add(BigInteger.valueOf(i)).toString());
        }
        assertThat(SequenceNumbers.nth(lastInTail + 1))
                .isGreaterThan(SequenceNumbers.nth(lastInTail));
    }

    @Test
    void aNegativeIndexIsRefused() {
        assertThatThrownBy(() -> SequenceNumbers.nth(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 0");
    }
}
