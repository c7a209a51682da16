package fanout.console.tui.handout;

import java.util.ArrayList;
import java.util.List;

/**
 * Digits three cells wide and five tall, so an account id reads from the back of a room. Only
 * digits and dashes have glyphs; other text is left to plain lines.
 */
public final class BigText {
    public static final int HEIGHT = 5;

    private static final String[] DIGITS = {
        "###|# #|# #|# #|###",
        "  #|  #|  #|  #|  #",
        "###|  #|###|#  |###",
        "###|  #|###|  #|###",
        "# #|# #|###|  #|  #",
        "###|#  |###|  #|###",
        "###|#  |###|# #|###",
        "###|  #|  #|  #|  #",
        "###|# #|###|# #|###",
        "###|# #|###|  #|###"
    };
    private static final String DASH = "   |   |###|   |   ";

    private BigText() {}

    public static boolean drawable(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> Character.isDigit(c) || c == '-');
    }

    /** Five lines; {@code block} is the character that fills a glyph's cells. */
    public static List<String> lines(String text, char block) {
        List<String> lines = new ArrayList<>();
        for (int row = 0; row < HEIGHT; row++) {
            StringBuilder line = new StringBuilder();
            for (char c : text.toCharArray()) {
                String glyph = c == '-' ? DASH : DIGITS[c - '0'];
                line.append(glyph.split("\\|")[row].replace('#', block)).append(' ');
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** Width in cells of the big text (4 per character, less the last gap). */
    public static int width(String text) {
        return text.length() * 4 - 1;
    }
}
