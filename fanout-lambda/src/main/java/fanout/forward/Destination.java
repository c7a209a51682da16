package fanout.forward;

import fanout.check.Required;
import fanout.mapping.Mapping;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated active mapping, ready to deliver to.
 *
 * @param streamName for kinesis, the destination stream's name
 * @param region the mapping's region, else the destination ARN's, else the function's
 */
public record Destination(
        String targetId,
        String type,
        String streamName,
        String region,
        Optional<AssumeRoleSpec> role,
        boolean parallel,
        boolean deaggregate) {
    public Destination {
        Required.all("targetId, type, streamName, region", targetId, type, streamName, region);
        Objects.requireNonNull(role, "role must be present or empty, not null");
    }

    static Destination of(Mapping mapping, String streamName, String region) {
        Optional<AssumeRoleSpec> role =
                mapping.role() == null || mapping.role().isBlank()
                        ? Optional.empty()
                        : Optional.of(
                                new AssumeRoleSpec(
                                        mapping.role().trim(),
                                        Optional.ofNullable(mapping.externalId())
                                                .filter(id -> !id.isBlank()),
                                        SessionNames.forMapping(mapping.id())));
        return new Destination(
                mapping.id(),
                mapping.type(),
                streamName,
                region,
                role,
                mapping.parallel(),
                mapping.deaggregate());
    }
}
