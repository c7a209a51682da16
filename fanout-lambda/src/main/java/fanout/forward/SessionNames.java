package fanout.forward;

/** STS role session names: {@code fanout-<mapping id>}, within STS's character set and length. */
public final class SessionNames {
    /** STS: 2 to 64 characters of {@code [\w+=,.@-]}. */
    public static final int MAX_LENGTH = 64;

    private static final String PREFIX = "fanout-";

    private SessionNames() {}

    public static String forMapping(String mappingId) {
        return sanitize(PREFIX + mappingId);
    }

    /** Replaces what STS refuses by '-' and cuts to {@link #MAX_LENGTH}. */
    public static String sanitize(String name) {
        String safe = name.replaceAll("[^\\w+=,.@-]", "-");
        return safe.length() > MAX_LENGTH ? safe.substring(0, MAX_LENGTH) : safe;
    }
}
