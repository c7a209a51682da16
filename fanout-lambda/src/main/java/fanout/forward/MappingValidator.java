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

    public Result validate(List<Mapping> mappings) {
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
        String type = mapping.type() == null ? "" : mapping.type().trim();
        if (!supportedTypes.contains(type)) {
            throw new Rejection(
                    InvalidMapping.UNSUPPORTED_TYPE, "unsupported target type '" + type + "'");
        }
        String destination = mapping.destination();
        if (destination == null || destination.isBlank()) {
            throw new Rejection(InvalidMapping.INVALID, "the mapping has no destination");
        }
        String arnRegion = null;
        String streamName = destination.trim();
        try {
            if (streamName.startsWith("arn:")) {
                Arn arn = Arn.kinesisStream(streamName);
                arnRegion = arn.region();
                streamName = arn.shortName();
            } else if (!Arn.isStreamName(destination.trim())) {
                throw new Rejection(
                        InvalidMapping.INVALID,
                        "destination '"
                                + destination
                                + "' is neither a stream ARN nor a stream name (1-128 letters,"
                                + " digits, '_', '.' or '-')");
            }
            if (mapping.role() != null && !mapping.role().isBlank()) {
                Arn.iamRole(mapping.role().trim());
            }
        } catch (InvalidArnException e) {
            throw new Rejection(InvalidMapping.INVALID, e.getMessage());
        }
        return Destination.of(mapping, streamName, region(mapping, arnRegion));
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
