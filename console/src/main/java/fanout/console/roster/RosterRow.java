package fanout.console.roster;

import fanout.check.Required;
import fanout.mapping.Arn;
import fanout.mapping.Mapping;
import java.util.Map;

/**
 * One valid student of the roster, with stream and role filled in.
 *
 * @param streamArn the student's stream ARN (from the row or the workshop's template)
 * @param roleArn the role the fanout assumes (from the row or the template)
 * @param extras columns the import ignores, e.g. {@code sandbox}
 */
public record RosterRow(
        int line,
        String id,
        String account,
        String region,
        String streamArn,
        String roleArn,
        String externalId,
        String name,
        String helper,
        boolean parallel,
        Map<String, String> extras) {

    public static final String ORIGIN = "roster";

    public RosterRow {
        Required.all("id, streamArn, roleArn", id, streamArn, roleArn);
        extras = Map.copyOf(extras);
    }

    /** The value of an extra column such as {@code sandbox}, or null. */
    public String extra(String column) {
        return extras.get(column);
    }

    /** The mapping this row asks for (inactive; the import decides about activation). */
    public Mapping toMapping(String sourceArn) {
        Arn stream = Arn.kinesisStream(streamArn);
        return Mapping.kinesis(sourceArn, id, stream.shortName())
                .withRegion(stream.region())
                .withParallel(parallel)
                .withRole(roleArn, externalId)
                .withPeople(name, helper, ORIGIN);
    }
}
