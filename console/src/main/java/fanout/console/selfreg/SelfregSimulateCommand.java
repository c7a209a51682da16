package fanout.console.selfreg;

import fanout.console.Session;
import fanout.console.cli.ExitCodes;
import fanout.console.cli.FanoutException;
import fanout.console.cli.Verb;
import fanout.console.sandbox.SandboxDirectory;
import fanout.console.sandbox.SandboxInfo;
import fanout.selfreg.SelfRegistrationConfig;
import fanout.selfreg.SigningSecret;
import fanout.selfreg.SlackCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code selfreg simulate}: a student's slash command, signed and sent as Slack would. */
@Command(
        name = "simulate",
        description = {
            "Send a student's slash command as Slack would (signed with the app's signing secret) to"
                    + " the self-registration URL, and print the answer the student would see.",
            "Exit 0 when registered or unregistered, 1 when refused, 3 when the endpoint refused"
                    + " the request (401) or could not be reached."
        })
public final class SelfregSimulateCommand extends Verb implements Callable<Integer> {
    private static final Set<String> DONE = Set.of("registered", "unregistered");

    @Option(
            names = "--role-arn",
            paramLabel = "ARN",
            description = "The student's role (for /hook-stream).")
    String roleArn;

    @Option(
            names = "--stream-arn",
            paramLabel = "ARN",
            required = true,
            description = "The student's stream.")
    String streamArn;

    @Option(
            names = "--command",
            paramLabel = "COMMAND",
            defaultValue = SlackCommand.HOOK,
            description = "/hook-stream or /unhook-stream (default: ${DEFAULT-VALUE}).")
    String command;

    @Option(
            names = "--user",
            paramLabel = "NAME",
            defaultValue = "student",
            description = "The Slack user sending it (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "The request URL (default: the sandbox's, or the deployed function URL).")
    URI url;

    @Option(
            names = "--signing-secret-file",
            paramLabel = "FILE",
            description = "The signing secret (default: SLACK_SIGNING_SECRET, or the sandbox's).")
    Path signingSecretFile;

    @Option(
            names = "--wait",
            paramLabel = "SECONDS",
            defaultValue = "30",
            description =
                    "How long to wait for a late answer after \"checking\" (default: ${DEFAULT-VALUE}).")
    int waitSeconds;

    @Override
    public Integer call() throws Exception {
        Session session = invocation.session();
        if (!command.equals(SlackCommand.HOOK) && !command.equals(SlackCommand.UNHOOK)) {
            throw FanoutException.usage(
                    "--command must be /hook-stream or /unhook-stream, was " + command);
        }
        if (command.equals(SlackCommand.HOOK) && roleArn == null) {
            throw FanoutException.usage("/hook-stream needs --role-arn (and --stream-arn)");
        }
        Optional<SandboxInfo> sandbox =
                session.sandbox()
                        ? SandboxDirectory.inWorkingDirectory().readInfo()
                        : Optional.empty();
        URI target = url(session, sandbox);
        SigningSecret secret = secret(sandbox);
        PrintWriter out = invocation.out();
        String text = command.equals(SlackCommand.HOOK) ? roleArn + " " + streamArn : streamArn;
        boolean loopback = target.getHost().equals("127.0.0.1");
        try (SlackSimulator slack = new SlackSimulator(session.clock(), loopback)) {
            SlackCommand request =
                    new SlackCommand(
                            command,
                            text,
                            "U" + user.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", ""),
                            user,
                            "TFANOUTSIM",
                            slack.responseUrl());
            out.println("-> " + target + "  " + command + " " + text + "  (as " + user + ")");
            out.flush();
            SlackSimulator.Answer answer;
            try {
                answer = slack.send(target, secret, request);
            } catch (ConnectException e) {
                throw FanoutException.aws(
                        "cannot reach " + target + ": is the sandbox or the function up?", e);
            }
            out.println(
                    "<- HTTP "
                            + answer.status()
                            + (answer.outcome().isEmpty() ? "" : " " + answer.outcome())
                            + ": "
                            + answer.text());
            if (answer.status() != 200) {
                return ExitCodes.AWS;
            }
            if (answer.outcome().equals("checking")) {
                Optional<SlackSimulator.Answer> late =
                        slack.awaitLate(Duration.ofSeconds(waitSeconds));
                if (late.isEmpty()) {
                    out.println(
                            loopback
                                    ? "(no late answer within " + waitSeconds + " s)"
                                    : "(the real outcome went to Slack's response URL: see ./fanout list)");
                    out.flush();
                    return loopback ? ExitCodes.FAILURE : ExitCodes.OK;
                }
                answer = late.get();
                out.println("<- later " + answer.outcome() + ": " + answer.text());
            }
            out.flush();
            return DONE.contains(answer.outcome()) ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    private URI url(Session session, Optional<SandboxInfo> sandbox) {
        if (url != null) {
            return url;
        }
        if (sandbox.isPresent() && sandbox.get().selfRegistrationUrl() != null) {
            String base = sandbox.get().selfRegistrationUrl();
            return URI.create(
                    base.substring(0, base.lastIndexOf('/') + 1)
                            + session.functionName()
                            + "-selfreg");
        }
        return new SelfRegistrationService(session)
                .url()
                .map(URI::create)
                .orElseThrow(
                        () ->
                                new FanoutException(
                                        ExitCodes.AWS,
                                        "self-registration is not deployed: ./fanout deploy"
                                                + " --self-registration (or give --url)"));
    }

    private SigningSecret secret(Optional<SandboxInfo> sandbox) throws IOException {
        Path file = signingSecretFile;
        if (file == null) {
            String env = System.getenv(SelfRegistrationConfig.SIGNING_SECRET);
            if (env != null && !env.isBlank()) {
                return SigningSecret.of(env);
            }
            file = sandbox.map(SandboxInfo::signingSecretFile).map(Path::of).orElse(null);
        }
        if (file == null) {
            throw FanoutException.usage(
                    "the signing secret is needed: --signing-secret-file FILE or "
                            + SelfRegistrationConfig.SIGNING_SECRET);
        }
        try {
            return SigningSecret.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            throw FanoutException.usage("--signing-secret-file " + file + ": " + e.getMessage());
        }
    }
}
