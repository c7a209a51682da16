package fanout.control;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fanout.mapping.Mapping;
import fanout.mapping.TargetsTable;
import java.time.Instant;
import java.util.List;

/**
 * The control invocations' requests, built where {@link ControlInvocations} reads them: the console
 * and the self-registration function send these and never spell a field themselves.
 */
public final class ControlRequests {
    private ControlRequests() {}

    /** Check {@code ids} of {@code sourceArn}; no ids means every mapping of the source. */
    public static ObjectNode check(String sourceArn, List<String> ids) {
        ObjectNode request = request(ControlInvocations.CHECK, sourceArn);
        ids.forEach(request.putArray(ControlInvocations.IDS)::add);
        return request;
    }

    /** Check a row as given, without reading the table (before it is written). */
    public static ObjectNode checkCandidate(String sourceArn, Mapping candidate) {
        ObjectNode request = request(ControlInvocations.CHECK, sourceArn);
        ObjectNode row = request.putArray(ControlInvocations.CANDIDATES).addObject();
        row.put(TargetsTable.ID, candidate.id());
        row.put(TargetsTable.DESTINATION, candidate.destination());
        row.put(TargetsTable.ROLE, candidate.role());
        row.put(TargetsTable.REGION, candidate.region());
        return request;
    }

    /** Behind destinations of {@code sourceArn} catch up from the source now. */
    public static ObjectNode drain(String sourceArn) {
        return request(ControlInvocations.DRAIN, sourceArn);
    }

    /** Target {@code id} owes nothing any more and gets live batches again. */
    public static ObjectNode skip(String sourceArn, String id) {
        return request(ControlInvocations.SKIP, sourceArn)
                .put(ControlInvocations.ID, id)
                .put(ControlInvocations.TO, ControlInvocations.LATEST);
    }

    /** Target {@code id} gets every record since {@code since} again, read from the source. */
    public static ObjectNode replay(String sourceArn, String id, Instant since) {
        return request(ControlInvocations.REPLAY, sourceArn)
                .put(ControlInvocations.ID, id)
                .put(ControlInvocations.SINCE, since.toString());
    }

    private static ObjectNode request(String action, String sourceArn) {
        return JsonNodeFactory.instance
                .objectNode()
                .put(ControlInvocations.ACTION, action)
                .put(ControlInvocations.SOURCE_ARN, sourceArn);
    }
}
