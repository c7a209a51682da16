package fanout.check;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequiredTest {

    @Test
    void presentValuesPass() {
        assertThatCode(() -> Required.all("a, b", "x", 1)).doesNotThrowAnyException();
    }

    @Test
    void theFirstNullValueIsNamedAsRequiresNonNullWouldHave() {
        assertThatThrownBy(() -> Required.all("clock, dynamo, kinesis", "c", null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("dynamo is required");
    }

    @Test
    void moreValuesThanNamesIsAProgrammingErrorSaidAsSuch() {
        assertThatThrownBy(() -> Required.all("a", "x", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more values than names");
    }
}
