package fanout.console.tui;

/** The roles text plays on screen; a {@link Palette} turns them into colours. */
public enum Tone {
    NORMAL,
    DIM,
    TITLE,
    HEADER,
    SELECTED,
    MARKED,
    GOOD,
    WARN,
    BAD,
    INFO,
    BAR,
    KEY
}
