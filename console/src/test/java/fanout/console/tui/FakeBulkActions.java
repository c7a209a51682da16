package fanout.console.tui;

import fanout.console.tui.dashboard.BulkActions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Bulk actions that remember what they were asked. */
public final class FakeBulkActions implements BulkActions {
    public final List<String> calls = new ArrayList<>();

    private Result record(String action, List<String> ids) {
        calls.add(action + " " + String.join(",", ids));
        return new Result(action + " " + ids.size() + " ok", List.of());
    }

    @Override
    public Result activate(List<String> ids) {
        return record("activate", ids);
    }

    @Override
    public Result deactivate(List<String> ids) {
        return record("deactivate", ids);
    }

    @Override
    public Result check(List<String> ids) {
        return record("check", ids);
    }

    /** The rows as registered, for edits. */
    public final Map<String, RowFields> rows = new java.util.HashMap<>();

    @Override
    public RowFields row(String id) {
        RowFields row = rows.get(id);
        if (row == null) {
            throw new IllegalArgumentException(id + " is not registered");
        }
        return row;
    }

    @Override
    public Result edit(RowFields row) {
        calls.add("edit " + row.id() + " " + row.role() + " " + row.destination());
        rows.put(row.id(), row);
        return new Result(row.id() + " updated", List.of());
    }

    public boolean locked;

    @Override
    public Result toggleRegistrationLock() {
        locked = !locked;
        calls.add("lock " + locked);
        return new Result(
                locked ? "self-registration LOCKED" : "self-registration OPEN", List.of());
    }
}
