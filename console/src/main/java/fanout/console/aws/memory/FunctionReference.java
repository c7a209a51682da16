package fanout.console.aws.memory;

/**
 * What a Lambda {@code FunctionName} (and optional {@code Qualifier}) names: a function and, when
 * qualified, a version, an alias or {@code $LATEST}. Lambda accepts a name ({@code fanout}), a name
 * with a qualifier ({@code fanout:live}), a partial ARN ({@code 123456789012:function:fanout}) and
 * a full ARN, each optionally qualified.
 *
 * @param qualifier a version number, alias name or {@code $LATEST}; null when unqualified
 */
record FunctionReference(String name, String qualifier) {
    static final String LATEST = "$LATEST";

    private static final String MARKER = ":function:";

    /**
     * @param qualifier the request's separate Qualifier, or null; when the name carries one too,
     *     both must agree, as Lambda requires
     */
    static FunctionReference parse(String nameOrArn, String qualifier) {
        String name = nameOrArn == null ? "" : nameOrArn;
        int marker = name.indexOf(MARKER);
        String rest = marker < 0 ? name : name.substring(marker + MARKER.length());
        int colon = rest.indexOf(':');
        String function = colon < 0 ? rest : rest.substring(0, colon);
        String derived = colon < 0 ? null : rest.substring(colon + 1);
        if (derived != null && qualifier != null && !derived.equals(qualifier)) {
            throw LambdaFaults.invalidParameter(
                    "The derived qualifier from the function name does not match the specified"
                            + " qualifier.");
        }
        return new FunctionReference(function, derived != null ? derived : qualifier);
    }

    /** Whether it names a published version or an alias (not the function or $LATEST). */
    boolean published() {
        return qualifier != null && !qualifier.equals(LATEST);
    }

    /** The ARN as Lambda shows it: qualified by a version or alias, unqualified otherwise. */
    String arn(String functionArn) {
        return published() ? functionArn + ":" + qualifier : functionArn;
    }
}
