package fanout.console.tui;

/** What running a key binding does to the installation; read-only mode hides all but READ. */
public enum Effect {
    /** Looks only (navigation, refresh, filter). */
    READ,
    /** Changes the installation (deploy, import, activate, check writes nothing but invokes). */
    WRITE,
    /**
     * Hard to undo or stops the class (unhook, destroy, deactivate): needs a typed confirmation.
     */
    DANGEROUS
}
