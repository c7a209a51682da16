package fanout.check;

/**
 * Null checks for a record's required components in one line, with the message each would have had
 * from {@code Objects.requireNonNull(x, "x is required")}: a record's compact constructor names its
 * required components once instead of restating the idiom per component.
 */
public final class Required {
    private Required() {}

    /**
     * Throws {@link NullPointerException} "{@code <name> is required"} for the first null value.
     *
     * @param names the components' names, comma-separated, in the order of {@code values}
     */
    public static void all(String names, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new NullPointerException(name(names, i) + " is required");
            }
        }
    }

    // The names are split only on failure: records on the forwarder's hot path (one per source
    // record) pay for the null scan alone.
    private static String name(String names, int index) {
        String[] split = names.split(",");
        if (split.length <= index) {
            throw new IllegalArgumentException(
                    "Required.all was given more values than names (" + names + ")");
        }
        return split[index].strip();
    }
}
