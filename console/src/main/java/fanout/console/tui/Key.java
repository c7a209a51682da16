package fanout.console.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.Objects;

/** A key a binding answers to: a character (optionally with ctrl) or a special key. */
public record Key(KeyType type, char character, boolean ctrl) {

    public Key {
        Objects.requireNonNull(type, "key type is required");
        if (type == KeyType.Character && character == '\0') {
            throw new IllegalArgumentException("a character key needs its character");
        }
    }

    public static Key of(char character) {
        return new Key(KeyType.Character, character, false);
    }

    public static Key ctrl(char character) {
        return new Key(KeyType.Character, Character.toLowerCase(character), true);
    }

    public static Key of(KeyType type) {
        return new Key(type, '\0', false);
    }

    public boolean matches(KeyStroke stroke) {
        if (stroke == null || stroke.getKeyType() != type) {
            return false;
        }
        if (type != KeyType.Character) {
            return true;
        }
        Character typed = stroke.getCharacter();
        return typed != null
                && stroke.isCtrlDown() == ctrl
                && (ctrl ? Character.toLowerCase(typed) == character : typed == character);
    }

    /** How the hint bar and help spell the key, e.g. {@code ctrl-z}, {@code enter}, {@code /}. */
    public String label() {
        if (type == KeyType.Character) {
            if (character == ' ') {
                return ctrl ? "ctrl-space" : "space";
            }
            return (ctrl ? "ctrl-" : "") + character;
        }
        switch (type) {
            case Enter:
                return "enter";
            case Escape:
                return "esc";
            case ArrowUp:
                return "up";
            case ArrowDown:
                return "down";
            case Tab:
                return "tab";
            case Backspace:
                return "bksp";
            case PageUp:
                return "pgup";
            case PageDown:
                return "pgdn";
            default:
                return type.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
