package fanout.console.tui;

import com.googlecode.lanterna.input.KeyType;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys every view has, k9s style: {@code :} views, {@code /} filter, {@code ?} help, esc, q.
 */
record GlobalKeys(Console console, ViewRegistry registry) {

    List<KeyBinding> bindings(View top, boolean canGoBack) {
        List<KeyBinding> globals = new ArrayList<>();
        globals.add(
                KeyBinding.read(
                        Key.of(':'), "", "jump to a view by name (tab completes)", this::askView));
        top.filterable()
                .ifPresent(
                        filter ->
                                globals.add(
                                        KeyBinding.read(
                                                Key.of('/'),
                                                "filter",
                                                "filter the rows " + filter.syntax(),
                                                () -> askFilter(filter))));
        globals.add(KeyBinding.read(Key.of('?'), "help", "show these keys", this::help));
        globals.add(
                KeyBinding.read(
                        Key.of('@'), "", "show every AWS call made", () -> console.open("log")));
        if (canGoBack) {
            globals.add(KeyBinding.read(Key.of(KeyType.Escape), "back", "go back", console::back));
        }
        globals.add(KeyBinding.read(Key.of('q'), "quit", "quit the console", console::quit));
        return globals;
    }

    private void askView() {
        List<String> names = new ArrayList<>();
        registry.entries().forEach(entry -> names.add(entry.name()));
        console.edit(
                new LineEditor(
                        ":",
                        "",
                        typed -> {
                            List<String> matches = registry.complete(typed);
                            return matches.size() == 1 ? matches.get(0) : typed;
                        },
                        null),
                name -> {
                    if (!name.isBlank() && !console.open(name)) {
                        console.status(
                                "no view " + name + "; views: " + String.join(", ", names),
                                Tone.BAD);
                    }
                });
    }

    private void askFilter(View.Filterable filter) {
        console.edit(new LineEditor("/", filter.filter(), null, filter::filter), filter::filter);
    }

    private void help() {
        View top = console.top();
        if (top instanceof HelpView) {
            console.back();
            return;
        }
        console.push(
                new HelpView(
                        Keymap.helpLines(
                                top.title(),
                                top.bindings(),
                                console.globalBindings(top),
                                console.readOnly())));
    }
}
