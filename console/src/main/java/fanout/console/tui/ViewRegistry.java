package fanout.console.tui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The one list of views {@code :} can jump to, by name. */
public final class ViewRegistry {
    /** A view the leader can open by name. */
    public record Entry(String name, String description, Function<ViewContext, View> factory) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public ViewRegistry add(String name, String description, Function<ViewContext, View> factory) {
        if (entries.putIfAbsent(name, new Entry(name, description, factory)) != null) {
            throw new IllegalArgumentException("view registered twice: " + name);
        }
        return this;
    }

    public Optional<Entry> find(String name) {
        String wanted = name.trim().toLowerCase(java.util.Locale.ROOT);
        Entry exact = entries.get(wanted);
        if (exact != null) {
            return Optional.of(exact);
        }
        List<Entry> prefixed = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (!wanted.isEmpty() && entry.name().startsWith(wanted)) {
                prefixed.add(entry);
            }
        }
        return prefixed.size() == 1 ? Optional.of(prefixed.get(0)) : Optional.empty();
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** Names starting with what was typed, for tab completion in the {@code :} prompt. */
    public List<String> complete(String typed) {
        List<String> names = new ArrayList<>();
        for (String name : entries.keySet()) {
            if (name.startsWith(typed.trim())) {
                names.add(name);
            }
        }
        return names;
    }
}
