package fanout.console.roster;

import fanout.mapping.Mapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Compares the roster with the table on the attributes a roster sets. Activation is not part of the
 * roster, so it never makes a row "changed".
 */
public final class RosterDiff {
    private record Field(String name, Function<Mapping, Object> value) {}

    private static final List<Field> FIELDS =
            List.of(
                    new Field("type", Mapping::type),
                    new Field("destination", Mapping::destinationStreamName),
                    new Field("region", Mapping::region),
                    new Field("role", Mapping::role),
                    new Field("externalId", Mapping::externalId),
                    new Field("parallel", Mapping::parallel),
                    new Field("name", Mapping::name),
                    new Field("helper", Mapping::helper));

    private RosterDiff() {}

    /**
     * @param mentioned ids on any roster line, valid or not: an invalid line never makes its
     *     mapping "removed"
     */
    public static List<RosterChange> compute(
            String sourceArn, List<RosterRow> rows, List<Mapping> existing, Set<String> mentioned) {
        Map<String, Mapping> byId = new LinkedHashMap<>();
        existing.forEach(m -> byId.put(m.id(), m));
        List<RosterChange> changes = new ArrayList<>();
        for (RosterRow row : rows) {
            Mapping wanted = row.toMapping(sourceArn);
            Mapping current = byId.get(row.id());
            if (current == null) {
                changes.add(
                        new RosterChange(
                                RosterChange.Kind.NEW,
                                row.id(),
                                row.line(),
                                wanted,
                                null,
                                List.of()));
                continue;
            }
            List<String> differences = differences(current, wanted);
            changes.add(
                    new RosterChange(
                            differences.isEmpty()
                                    ? RosterChange.Kind.UNCHANGED
                                    : RosterChange.Kind.CHANGED,
                            row.id(),
                            row.line(),
                            wanted,
                            current,
                            differences));
        }
        for (Mapping current : existing) {
            if (!mentioned.contains(current.id())) {
                changes.add(
                        new RosterChange(
                                RosterChange.Kind.REMOVED,
                                current.id(),
                                0,
                                null,
                                current,
                                List.of()));
            }
        }
        return changes;
    }

    /** The row the table should hold: the existing one with the roster's attributes. */
    static Mapping merge(Mapping current, Mapping wanted) {
        return current.toBuilder()
                .type(wanted.type())
                .destination(wanted.destination())
                .parallel(wanted.parallel())
                .role(wanted.role())
                .externalId(wanted.externalId())
                .region(wanted.region())
                .name(wanted.name())
                .helper(wanted.helper())
                .origin(current.origin() == null ? wanted.origin() : current.origin())
                .build();
    }

    private static List<String> differences(Mapping current, Mapping wanted) {
        List<String> differences = new ArrayList<>();
        for (Field field : FIELDS) {
            Object before = field.value().apply(current);
            Object after = field.value().apply(wanted);
            if (!Objects.equals(before, after)) {
                differences.add(field.name() + ": " + shown(before) + " -> " + shown(after));
            }
        }
        return differences;
    }

    private static String shown(Object value) {
        return value == null ? "(none)" : value.toString();
    }
}
