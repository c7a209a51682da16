package fanout.console.check;

import fanout.mapping.Mapping;
import java.util.Map;

/** The registered mappings of a source, by id: the roles and streams the fixes name. */
@FunctionalInterface
public interface MappingLookup {
    Map<String, Mapping> mappings(String sourceArn);
}
