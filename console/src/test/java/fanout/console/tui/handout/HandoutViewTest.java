package fanout.console.tui.handout;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyType;
import fanout.console.tui.ConsoleHarness;
import org.junit.jupiter.api.Test;

class HandoutViewTest {

    @Test
    void showsTheAccountInBigDigitsTheRoleArnAndWhereTheCopyIs() {
        ConsoleHarness harness = ConsoleHarness.open("handout");
        String screen = harness.text();
        assertThat(screen).contains("\u2588\u2588\u2588 \u2588\u2588\u2588 \u2588\u2588\u2588");
        assertThat(screen)
                .contains("123456789012")
                .contains("arn:aws:iam::123456789012:role/fanoutRole");
        assertThat(screen).contains("also written to .fanout/handout.txt");
        harness.type("t");
        assertThat(harness.text()).contains("TRUST POLICY").contains("\"Effect\" : \"Allow\"");
        harness.press(KeyType.Escape);
    }

    @Test
    void bigTextDrawsDigitsFiveRowsHigh() {
        assertThat(BigText.lines("10", '#'))
                .containsExactly("  # ###", "  # # #", "  # # #", "  # # #", "  # ###");
        assertThat(BigText.drawable("1234-5")).isTrue();
        assertThat(BigText.drawable("abc")).isFalse();
    }

    @Test
    void tShowsTheTrustPolicyThenThePermissionsPolicyThenNeither() {
        ConsoleHarness harness = ConsoleHarness.open("handout");
        harness.type("t");
        assertThat(harness.text()).contains("TRUST POLICY").contains("sts:AssumeRole");
        harness.type("t");
        assertThat(harness.text())
                .contains("PERMISSIONS POLICY")
                .contains("kinesis:PutRecords")
                .doesNotContain("sts:AssumeRole");
        harness.type("t");
        assertThat(harness.text()).doesNotContain("POLICY");
    }
}
