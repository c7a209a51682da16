package fanout.console.deploy;

import fanout.console.Session;
import fanout.console.problem.BadInputException;
import fanout.console.sandbox.SandboxDirectory;
import fanout.selfreg.SelfRegistrationConfig;
import fanout.time.Sleeper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code --self-registration} part of {@code deploy}: finds the signing secret, runs {@link
 * SelfRegistrationDeployer} after the fan-out installation, prints each step and the URL to give
 * Slack.
 */
final class SelfRegistrationStep {
    private final Session session;
    private final SelfRegistrationDeployer deployer;

    SelfRegistrationStep(Session session, Sleeper sleeper, Supplier<byte[]> code) {
        this.session = session;
        this.deployer = new SelfRegistrationDeployer(session.aws(), sleeper, code);
    }

    /**
     * @param out where to print, null for JSON output
     * @return what the JSON output shows under {@code selfRegistration}
     */
    Map<String, Object> run(
            DeployPlan forwarder, boolean dryRun, Path secretFile, PrintWriter out) {
        Optional<String> secret = secret(secretFile);
        if (secret.isEmpty() && !dryRun && !deployer.hasSecret(forwarder.function())) {
            throw new BadInputException(
                    "--self-registration needs your Slack app's signing secret (its Basic"
                            + " Information page): --signing-secret-file FILE, or the environment"
                            + " variable "
                            + SelfRegistrationConfig.SIGNING_SECRET);
        }
        DeployPlan plan = deployer.plan(forwarder, session.workshop(), secret);
        List<Map<String, String>> steps = new java.util.ArrayList<>();
        Optional<String> url =
                deployer.deploy(
                        plan,
                        dryRun,
                        (label, outcome) -> {
                            steps.add(
                                    Map.of(
                                            "step", label,
                                            "outcome", DeployCommand.outcomeName(outcome),
                                            "detail", outcome.detail()));
                            if (out != null) {
                                out.printf(
                                        "%-14s %-11s %s%n",
                                        label,
                                        DeployCommand.outcomeName(outcome),
                                        outcome.detail());
                                out.flush();
                            }
                        });
        if (out != null) {
            print(out, plan, dryRun, url);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("function", plan.function());
        json.put("roleArn", plan.roleArn());
        json.put("executionPolicy", plan.executionPolicy());
        json.put("environment", SelfRegistrationDeployer.printableEnvironment(plan));
        json.put("url", url.orElse(null));
        json.put("steps", steps);
        return json;
    }

    private void print(PrintWriter out, DeployPlan plan, boolean dryRun, Optional<String> url) {
        if (dryRun) {
            out.println("Inline policy " + plan.policyName() + " of " + plan.roleName() + ":");
            fanout.console.cli.Output.json(out, plan.executionPolicy());
            out.println("Environment of " + plan.function() + ":");
            SelfRegistrationDeployer.printableEnvironment(plan)
                    .forEach((k, v) -> out.println("  " + k + "=" + v));
        }
        url.ifPresent(
                u ->
                        out.println(
                                "Self-registration URL (the Request URL of both Slack slash"
                                        + " commands): "
                                        + (session.sandbox()
                                                ? sandboxUrl(plan.function()).orElse(u)
                                                : u)));
        out.flush();
    }

    /** In the sandbox, Slack's requests go to the loopback endpoint that emulates the URL. */
    private static Optional<String> sandboxUrl(String function) {
        return SandboxDirectory.inWorkingDirectory()
                .readInfo()
                .map(info -> info.selfRegistrationUrl())
                .map(u -> u.substring(0, u.lastIndexOf('/') + 1) + function);
    }

    private Optional<String> secret(Path file) {
        Path source = file;
        if (source == null) {
            String env = System.getenv(SelfRegistrationConfig.SIGNING_SECRET);
            if (env != null && !env.isBlank()) {
                return Optional.of(env.trim());
            }
            if (!session.sandbox()) {
                return Optional.empty();
            }
            source = SandboxDirectory.inWorkingDirectory().signingSecretFile();
        }
        try {
            String text = Files.readString(source, StandardCharsets.UTF_8).trim();
            if (text.isEmpty()) {
                throw new BadInputException("--signing-secret-file " + source + " is empty");
            }
            return Optional.of(text);
        } catch (IOException e) {
            throw new BadInputException(
                    "--signing-secret-file: cannot read " + source + ": " + e.getMessage());
        }
    }
}
