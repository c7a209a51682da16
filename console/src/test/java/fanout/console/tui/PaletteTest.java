package fanout.console.tui;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import fanout.console.status.DestinationState;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PaletteTest {

    @Test
    void everyStateHasItsOwnSymbolInBothPalettes() {
        for (Palette palette : new Palette[] {Palette.colour(), Palette.monochrome()}) {
            Set<String> symbols = new HashSet<>();
            for (DestinationState state : DestinationState.values()) {
                symbols.add(palette.symbol(state));
            }
            assertThat(symbols).hasSize(DestinationState.values().length);
        }
    }

    @Test
    void monochromeSymbolsAreAscii() {
        for (DestinationState state : DestinationState.values()) {
            assertThat(Palette.monochrome().symbol(state)).matches("\\p{ASCII}+");
        }
    }

    @Test
    void goodAndBadAreBlueAndOrangeNotGreenAndRed() {
        Palette palette = Palette.colour();
        assertThat(palette.style(palette.tone(DestinationState.OK)).foreground())
                .isEqualTo(Palette.BLUE);
        assertThat(palette.style(palette.tone(DestinationState.ERROR)).foreground())
                .isEqualTo(Palette.ORANGE);
    }

    @Test
    void noColorGivesMonochromeWithoutAnyColour() {
        Palette palette = Palette.fromEnvironment(Map.of("NO_COLOR", "1"));
        assertThat(palette.colourful()).isFalse();
        for (Tone tone : Tone.values()) {
            assertThat(palette.style(tone).foreground()).isEqualTo(TextColor.ANSI.DEFAULT);
            assertThat(palette.style(tone).background()).isEqualTo(TextColor.ANSI.DEFAULT);
        }
        assertThat(palette.style(Tone.SELECTED).modifiers()).contains(SGR.REVERSE);
    }

    @Test
    void anEmptyNoColorDoesNotTurnColourOff() {
        assertThat(Palette.fromEnvironment(Map.of("NO_COLOR", "")).colourful()).isTrue();
    }
}
