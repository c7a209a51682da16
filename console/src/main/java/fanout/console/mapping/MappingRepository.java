package fanout.console.mapping;

import fanout.mapping.Mapping;
import java.util.List;
import java.util.Optional;

/**
 * The targets table as the console sees it. Writes stamp {@code createdAt}/{@code updatedAt} and
 * {@code version}; changes are conditional on the version that was read, so a concurrent writer is
 * detected instead of overwritten.
 */
public interface MappingRepository {

    /** Every mapping of one source, all pages. */
    List<Mapping> list(String sourceArn);

    /** Every mapping of every source, all pages. */
    List<Mapping> listAll();

    Optional<Mapping> get(String sourceArn, String id);

    /**
     * Creates one row, failing with {@link MappingExistsException} if the id is already registered
     * for that source.
     */
    Mapping create(Mapping mapping);

    /**
     * Writes new rows in batches. Rows that could not be written after bounded retries are returned
     * as failed rather than thrown, so the caller can report a partial import.
     */
    BatchWriteOutcome createAll(List<Mapping> mappings);

    /**
     * Changes an existing row to {@code mapping}, conditional on the row still having {@code
     * mapping.version()}. Only the attributes this project owns are written; others are kept.
     *
     * @throws MappingConflictException when the row changed or disappeared since it was read
     */
    Mapping update(Mapping mapping);

    /** Removes one row; removing a row that does not exist is not an error. */
    void delete(String sourceArn, String id);

    /** Removes rows in batches; like {@link #createAll}, leftovers are returned as failed. */
    BatchWriteOutcome deleteAll(List<Mapping> mappings);
}
