package fanout.forward;

import fanout.mapping.Arn;
import fanout.mapping.InvalidArnException;
import fanout.mapping.Mapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns mapping rows into destinations. A row that cannot work (unsupported type, missing or
 * malformed destination, bad role or region) is set aside with its reason instead of failing the
 * batch for everyone.
 */
public final class MappingValidator {
    private final Set<String> supportedTypes;
    private final String defaultRegion;
    private volatile Memo memo;

    public MappingValidator(Set<String> supportedTypes, String defaultRegion) {
        this.supportedTypes = Set.copyOf(supportedTypes);
        this.defaultRegion = Objects.requireNonNull(defaultRegion, "defaultRegion is required");
    }

    /** The outcome for a list of rows: the destinations, and the rows set aside. */
    public record Result(List<Destination> destinations, List<InvalidMapping> invalid) {
        public Result {
            destinations = List.copyOf(destinations);
            invalid = List.copyOf(invalid);
        }
    }

    /**
     * The same rows give the same result: the cache hands the same immutable list for every batch
     * of a TTL, so 300 rows are parsed once per read, not once per batch.
     */
    public Result validate(List<Mapping> mappings) {
        Memo last = memo;
        if (last != null && last.mappings() == mappings) {
            return last.result();
        }
        Result result = validateAll(mappings);
        memo = new Memo(mappings, result);
        return result;
    }

    private record Memo(List<Mapping> mappings, Result result) {}

    private Result validateAll(List<Mapping> mappings) {
        List<Destination> destinations = new ArrayList<>();
        List<InvalidMapping> invalid = new ArrayList<>();
        for (Mapping mapping : mappings) {
            try {
                destinations.add(destination(mapping));
            } catch (Rejection e) {
                invalid.add(new InvalidMapping(mapping.id(), new Problem(e.code, e.getMessage())));
            }
        }
        return new Result(destinations, invalid);
    }

    /** The destination of one row, or {@link Rejection} naming what is wrong. */
    public Destination destination(Mapping mapping) {
        if (mapping.id().isBlank()) {
            throw new Rejection(InvalidMapping.INVALID, "the mapping's id is blank");
        }
        String type = mapping.type() == null ? "" : mapping.type().trim();
        if (!supportedTypes.contains(type)) {
            throw new Rejection(
                    InvalidMapping.UNSUPPORTED_TYPE, "unsupported target type '" + type + "'");
        }
        String destination = mapping.destination();
        if (destination == null || destination.isBlank()) {
            throw new Rejection(InvalidMapping.INVALID, "the mapping has no destination");
        }
        Arn streamArn = null;
        Arn roleArn = null;
        String streamName = destination.trim();
        try {
            if (streamName.startsWith("arn:")) {
                streamArn = Arn.kinesisStream(streamName);
                streamName = streamArn.shortName();
            } else if (!Arn.isStreamName(destination.trim())) {
                throw new Rejection(
                        InvalidMapping.INVALID,
                        "destination '"
                                + destination
                                + "' is neither a stream ARN nor a stream name (1-128 letters,"
                                + " digits, '_', '.' or '-')");
            }
            if (mapping.role() != null && !mapping.role().isBlank()) {
                roleArn = Arn.iamRole(mapping.role().trim());
            }
        } catch (InvalidArnException e) {
            throw new Rejection(InvalidMapping.INVALID, e.getMessage());
        }
        if (streamArn != null
                && roleArn != null
                && !streamArn.account().equals(roleArn.account())) {
            throw new Rejection(
                    InvalidMapping.INVALID,
                    "destination stream is in account "
                            + streamArn.account()
                            + " but its role "
                            + roleArn
                            + " is in account "
                            + roleArn.account()
                            + ": a role can only write to its own account's streams");
        }
        String region = region(mapping, streamArn == null ? null : streamArn.region());
        refuseTheSource(mapping, streamName, region, streamArn, roleArn);
        return Destination.of(mapping, streamName, region);
    }

    /** Writing to the source would feed every record back to itself, forever. */
    private static void refuseTheSource(
            Mapping mapping, String streamName, String region, Arn streamArn, Arn roleArn) {
        Arn source;
        try {
            source = Arn.parse(mapping.sourceArn());
        } catch (IllegalArgumentException e) {
            return; // not an ARN (a test's or the original's odd row): nothing to compare with
        }
        String account =
                streamArn != null
                        ? streamArn.account()
                        : roleArn != null ? roleArn.account() : source.account();
        if (source.shortName().equals(streamName)
                && source.region().equals(region)
                && source.account().equals(account)) {
            throw new Rejection(
                    InvalidMapping.INVALID,
                    "destination is the source stream "
                            + mapping.sourceArn()
                            + " itself: every record would loop back");
        }
    }

    private String region(Mapping mapping, String arnRegion) {
        String region = mapping.region() == null ? "" : mapping.region().trim();
        if (region.isEmpty()) {
            return arnRegion != null ? arnRegion : defaultRegion;
        }
        if (!Arn.isRegion(region)) {
            throw new Rejection(
                    InvalidMapping.INVALID,
                    "region '" + region + "' is not a region such as us-west-2");
        }
        return region;
    }

    /** Why a row cannot be used. */
    public static final class Rejection extends RuntimeException {
        private final String code;

        Rejection(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
