package fanout.forward;

import fanout.mapping.Mapping;
import java.util.List;

/** Reads every mapping row of one source, active or not. */
@FunctionalInterface
public interface MappingReader {
    List<Mapping> read(String sourceArn);
}
