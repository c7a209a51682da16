package fanout.console.deploy;

import fanout.console.problem.BadInputException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the leader asked {@code deploy} for; defaults are filled by {@link #defaults(String)}.
 *
 * @param execRoleArn an existing execution role to use instead of creating {@code <function>Role}
 * @param transform {@code FANOUT_TRANSFORM}, empty for the workshop's
 * @param snapStart {@code --snap-start} (true) or {@code --no-snap-start} (false); empty keeps what
 *     the function has (off for a new one)
 */
public record DeployRequest(
        String function,
        int memoryMb,
        int timeoutSeconds,
        String runtime,
        Optional<String> execRoleArn,
        Optional<String> transform,
        List<String> subnets,
        List<String> securityGroups,
        Optional<Boolean> snapStart) {

    public static final String DEFAULT_RUNTIME = "java21";
    public static final int DEFAULT_MEMORY_MB = 1024;
    public static final int DEFAULT_TIMEOUT_SECONDS = 60;

    /** Lambda's limits. */
    public static final int MIN_MEMORY_MB = 128;

    public static final int MAX_MEMORY_MB = 10240;
    public static final int MAX_TIMEOUT_SECONDS = 900;
    public static final List<String> TRANSFORMS = List.of("none", "hello-retail");

    private static final Pattern FUNCTION_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,58}");

    public DeployRequest {
        Objects.requireNonNull(function, "function");
        if (!FUNCTION_NAME.matcher(function).matches()) {
            throw new BadInputException(
                    "--function '"
                            + function
                            + "' must be 1-58 letters, digits, '-' or '_' (the role adds 'Role')");
        }
        if (memoryMb < MIN_MEMORY_MB || memoryMb > MAX_MEMORY_MB) {
            throw new BadInputException(
                    "--memory "
                            + memoryMb
                            + " must be between "
                            + MIN_MEMORY_MB
                            + " and "
                            + MAX_MEMORY_MB
                            + " MB");
        }
        if (timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
            throw new BadInputException(
                    "--timeout " + timeoutSeconds + " must be between 1 and 900 seconds");
        }
        if (runtime == null || !runtime.matches("java(1[7-9]|[2-9]\\d)")) {
            throw new BadInputException(
                    "--runtime '" + runtime + "' must be a Java runtime such as java21");
        }
        transform
                .filter(t -> !TRANSFORMS.contains(t))
                .ifPresent(
                        t -> {
                            throw new BadInputException(
                                    "--transform '" + t + "' must be one of " + TRANSFORMS);
                        });
        subnets = List.copyOf(subnets);
        securityGroups = List.copyOf(securityGroups);
        Objects.requireNonNull(snapStart, "snapStart");
        if (subnets.isEmpty() != securityGroups.isEmpty()) {
            throw new BadInputException(
                    "--subnet and --security-group go together: give both or neither");
        }
    }

    public static DeployRequest defaults(String function) {
        return new DeployRequest(
                function,
                DEFAULT_MEMORY_MB,
                DEFAULT_TIMEOUT_SECONDS,
                DEFAULT_RUNTIME,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                Optional.empty());
    }

    public DeployRequest withExecRoleArn(String arn) {
        return new DeployRequest(
                function,
                memoryMb,
                timeoutSeconds,
                runtime,
                Optional.of(arn),
                transform,
                subnets,
                securityGroups,
                snapStart);
    }

    public DeployRequest withSnapStart(boolean on) {
        return new DeployRequest(
                function,
                memoryMb,
                timeoutSeconds,
                runtime,
                execRoleArn,
                transform,
                subnets,
                securityGroups,
                Optional.of(on));
    }
}
