package fanout.console.tui.dashboard;

import fanout.console.tui.Tone;
import fanout.console.tui.ViewContext;
import java.util.List;
import java.util.Locale;

/**
 * What the dashboard's write keys do: a bulk action on the marked rows (or the selected one), asked
 * first, and the self-registration lock. Results go to the status line.
 */
record DashboardActions(ViewContext context, DashboardModel model, BulkActions actions) {
    /** The bulk actions, each with the port call that does it. */
    enum Bulk {
        ACTIVATE(BulkActions::activate),
        DEACTIVATE(BulkActions::deactivate),
        CHECK(BulkActions::check);

        private final Call call;

        Bulk(Call call) {
            this.call = call;
        }

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One bulk action's call on the port. */
    @FunctionalInterface
    interface Call {
        BulkActions.Result on(BulkActions actions, List<String> ids) throws Exception;
    }

    /**
     * Asks before acting on the targets; deactivating the whole class asks for the word itself, not
     * just {@code y}.
     */
    void bulk(Bulk action) {
        String verb = action.word();
        List<String> ids = model.targets();
        if (ids.isEmpty()) {
            context.status("nothing to " + verb + ": mark rows with space", Tone.WARN);
            return;
        }
        boolean everyone = ids.size() == model.total() && ids.size() > 1;
        String word = action == Bulk.DEACTIVATE && everyone ? verb : "y";
        String question =
                Character.toUpperCase(verb.charAt(0))
                        + verb.substring(1)
                        + " "
                        + ids.size()
                        + " destination"
                        + (ids.size() == 1 ? "" : "s")
                        + (everyone ? " (the whole class)" : "")
                        + "?";
        context.confirm(question, word, () -> run(action, ids));
    }

    private void run(Bulk action, List<String> ids) {
        String verb = action.word();
        context.status(verb + " " + ids.size() + " destinations...", Tone.INFO);
        context.fetch(
                verb + " " + ids.size(),
                () -> action.call.on(actions, ids),
                result -> {
                    model.clearMarks();
                    show(context, result);
                    context.pollNow();
                },
                error -> context.status(verb + " failed: " + error.reason(), Tone.BAD));
    }

    void toggleRegistrationLock() {
        context.fetch(
                "self-registration lock",
                actions::toggleRegistrationLock,
                result -> context.status(result.summary(), Tone.INFO),
                error ->
                        context.status(
                                "self-registration lock failed: " + error.reason(), Tone.BAD));
    }

    /** A result in the status line: good when every destination made it, a warning otherwise. */
    static void show(ViewContext context, BulkActions.Result result) {
        context.status(result.line(), result.problems().isEmpty() ? Tone.GOOD : Tone.WARN);
    }
}
