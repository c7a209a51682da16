package fanout.console.tui.service;

/** Thrown at a service's next safe point (a progress report or a wait) after ctrl-c. */
final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Cancelled() {
        super("cancelled by ctrl-c; run the step again to finish it (it is safe to repeat)");
    }
}
