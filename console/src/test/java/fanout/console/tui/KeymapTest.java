package fanout.console.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeymapTest {
    private static final List<KeyBinding> BINDINGS =
            List.of(
                    KeyBinding.read(Key.of(KeyType.Enter), "detail", "show the detail", () -> {}),
                    KeyBinding.read(Key.of(KeyType.ArrowDown), "", "next row", () -> {}),
                    KeyBinding.write(Key.of('a'), "activate", "activate the marked rows", () -> {}),
                    KeyBinding.dangerous(
                            Key.of('d'), "deactivate", "deactivate the marked rows", () -> {}),
                    KeyBinding.read(Key.ctrl('z'), "faults", "faults only", () -> {}));

    @Test
    void hintBarListsBindingsWithHintsInOrder() {
        assertThat(Keymap.hintBar(BINDINGS, false, 200))
                .isEqualTo("<enter> detail  <a> activate  <d> deactivate  <ctrl-z> faults");
    }

    @Test
    void readOnlyHidesEveryBindingThatChangesTheInstallation() {
        assertThat(Keymap.hintBar(BINDINGS, true, 200))
                .isEqualTo("<enter> detail  <ctrl-z> faults");
        assertThat(String.join("\n", Keymap.helpLines("Dashboard", BINDINGS, List.of(), true)))
                .doesNotContain("activate")
                .contains("read-only");
    }

    @Test
    void hintBarIsCutAtAWholeItemSoItNeverRunsPastTheWidth() {
        String bar = Keymap.hintBar(BINDINGS, false, 30);
        assertThat(bar).isEqualTo("<enter> detail  <a> activate");
        assertThat(bar.length()).isLessThanOrEqualTo(30);
    }

    @Test
    void helpListsEveryBindingIncludingThoseWithoutHintsAndMarksDangerousOnes() {
        List<String> help =
                Keymap.helpLines(
                        "Dashboard",
                        BINDINGS,
                        List.of(KeyBinding.read(Key.of('q'), "quit", "quit the console", () -> {})),
                        false);
        assertThat(help)
                .contains(
                        "DASHBOARD",
                        "  down       next row",
                        "EVERY VIEW",
                        "  q          quit the console",
                        "  d          deactivate the marked rows (asks you to type a word)");
    }

    @Test
    void ctrlKeysMatchOnlyWithCtrlAndPlainKeysOnlyWithout() {
        assertThat(Key.ctrl('z').matches(new KeyStroke('z', true, false))).isTrue();
        assertThat(Key.ctrl('z').matches(new KeyStroke('z', false, false))).isFalse();
        assertThat(Key.of('z').matches(new KeyStroke('z', true, false))).isFalse();
        assertThat(Key.of(KeyType.Enter).matches(new KeyStroke(KeyType.Enter))).isTrue();
    }
}
