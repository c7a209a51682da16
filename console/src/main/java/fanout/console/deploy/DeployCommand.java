package fanout.console.deploy;

import fanout.console.Session;
import fanout.console.aws.LiveAlias;
import fanout.console.cli.Output;
import fanout.console.cli.OutputFormat;
import fanout.console.cli.Verb;
import fanout.time.Sleeper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code deploy}: creates or updates the role, tables and function, idempotently. */
@Command(
        name = "deploy",
        description = {
            "Create or update, idempotently, the execution role <function>Role (the role students'"
                    + " roles trust) with a least-privilege policy, the tables <function>Targets and"
                    + " <function>State (on demand), and the function.",
            "Safe to re-run: it changes only what differs, and finishes an interrupted deploy."
        })
public final class DeployCommand extends Verb implements Runnable {
    @Option(
            names = "--memory",
            paramLabel = "MB",
            defaultValue = "" + DeployRequest.DEFAULT_MEMORY_MB,
            description = "Memory of the function in MB (default: ${DEFAULT-VALUE}).")
    int memory;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "" + DeployRequest.DEFAULT_TIMEOUT_SECONDS,
            description = "Timeout of the function in seconds (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Option(
            names = "--runtime",
            paramLabel = "RUNTIME",
            defaultValue = DeployRequest.DEFAULT_RUNTIME,
            description = "Lambda runtime (default: ${DEFAULT-VALUE}).")
    String runtime;

    @Option(
            names = "--exec-role-arn",
            paramLabel = "ARN",
            description = "Use this existing execution role instead of creating <function>Role.")
    String execRoleArn;

    @Option(
            names = "--transform",
            paramLabel = "NAME",
            description = "Record transform: none or hello-retail (default: the workshop's).")
    String transform;

    @Option(
            names = "--subnet",
            split = ",",
            paramLabel = "SUBNET",
            description = "Subnet ids for VPC mode (comma separated; with --security-group).")
    List<String> subnets = new ArrayList<>();

    @Option(
            names = "--security-group",
            split = ",",
            paramLabel = "GROUP",
            description = "Security group ids for VPC mode (comma separated; with --subnet).")
    List<String> securityGroups = new ArrayList<>();

    @Option(
            names = "--snap-start",
            negatable = true,
            description =
                    "Lambda SnapStart: publish each deploy as a version whose snapshot holds the"
                            + " started, primed JVM, point alias '"
                            + LiveAlias.NAME
                            + "' at it and hook the alias, so a new environment skips most of the"
                            + " cold start. --no-snap-start turns it off; without either, the"
                            + " function keeps what it has (off when new).")
    Boolean snapStart;

    @Option(
            names = "--dry-run",
            description = "Print the plan, including the exact policy documents; change nothing.")
    boolean dryRun;

    @Option(
            names = "--self-registration",
            description =
                    "Also deploy <function>-selfreg: students register themselves from Slack"
                            + " (/hook-stream, /unhook-stream) through its function URL.")
    boolean selfRegistration;

    @Option(
            names = "--signing-secret-file",
            paramLabel = "FILE",
            description =
                    "File holding the Slack app's signing secret (default: SLACK_SIGNING_SECRET;"
                            + " in the sandbox, its own). Only with --self-registration.")
    java.nio.file.Path signingSecretFile;

    /** Replaced by tests (which record the waits instead of sleeping) and by the sandbox. */
    public Sleeper sleeper = Sleeper.SYSTEM;

    /** Replaced by tests: the bundled jar exists only in the packaged console. */
    public Supplier<byte[]> code = LambdaJar.bundled();

    @Override
    public void run() {
        Session session = invocation.session();
        DeployRequest request =
                new DeployRequest(
                        session.functionName(),
                        memory,
                        timeout,
                        runtime,
                        Optional.ofNullable(execRoleArn),
                        Optional.ofNullable(transform),
                        subnets,
                        securityGroups,
                        Optional.ofNullable(snapStart));
        DeployService service = new DeployService(session.aws(), session.workshop(), sleeper, code);
        DeployPlan plan = service.plan(request);
        PrintWriter out = invocation.out();
        boolean json = session.options().output() == OutputFormat.json;
        DeployListener listener = json ? DeployListener.NONE : new PrintingListener(out);
        if (!json) {
            out.println(
                    (dryRun ? "Plan for " : "Deploying ")
                            + plan.function()
                            + " in account "
                            + plan.account()
                            + ", region "
                            + plan.region()
                            + (dryRun ? " (dry run: nothing changes)" : ""));
            out.flush();
        }
        DeployReport report =
                dryRun ? service.preview(plan, listener) : service.apply(plan, listener);
        Map<String, Object> selfRegistered =
                selfRegistration
                        ? new SelfRegistrationStep(session, sleeper, code)
                                .run(plan, dryRun, signingSecretFile, json ? null : out)
                        : null;
        if (json) {
            Map<String, Object> document = toJson(report);
            if (selfRegistered != null) {
                document.put("selfRegistration", selfRegistered);
            }
            Output.json(out, document);
        } else {
            summary(out, report);
        }
    }

    private static void summary(PrintWriter out, DeployReport report) {
        DeployPlan plan = report.plan();
        if (report.dryRun()) {
            out.println();
            out.println("Trust policy of " + plan.roleName() + ":");
            Output.json(out, plan.trustPolicy());
            out.println("Inline policy " + plan.policyName() + ":");
            Output.json(out, plan.executionPolicy());
            out.println("Environment:");
            plan.sortedEnvironment().forEach((k, v) -> out.println("  " + k + "=" + v));
        } else if (!report.changed()) {
            out.println("Everything is up to date.");
        } else {
            out.println(
                    "Deployed. Students' roles must trust "
                            + plan.roleArn()
                            + " (`fanout handout`).");
        }
        out.flush();
    }

    static Map<String, Object> toJson(DeployReport report) {
        DeployPlan plan = report.plan();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dryRun", report.dryRun());
        json.put("changed", report.changed());
        json.put("account", plan.account());
        json.put("region", plan.region());
        json.put("function", plan.function());
        json.put("roleArn", plan.roleArn());
        json.put("policyName", plan.policyName());
        json.put("trustPolicy", plan.trustPolicy());
        json.put("executionPolicy", plan.executionPolicy());
        json.put("targetsTable", plan.targetsTable());
        json.put("stateTable", plan.stateTable());
        json.put("runtime", plan.runtime());
        json.put("handler", plan.handler());
        json.put("memoryMb", plan.memoryMb());
        json.put("timeoutSeconds", plan.timeoutSeconds());
        json.put("environment", plan.sortedEnvironment());
        json.put("subnets", plan.subnets());
        json.put("securityGroups", plan.securityGroups());
        plan.snapStart().ifPresent(on -> json.put("snapStart", on));
        List<Map<String, String>> steps = new ArrayList<>();
        for (DeployReport.StepResult step : report.steps()) {
            Map<String, String> line = new LinkedHashMap<>();
            line.put("step", step.step().name());
            line.put("outcome", outcomeName(step.outcome()));
            line.put("detail", step.outcome().detail());
            steps.add(line);
        }
        json.put("steps", steps);
        return json;
    }

    static String outcomeName(StepOutcome outcome) {
        return outcome.kind().label();
    }

    /** One line per step, plus the waits, as they happen. */
    static final class PrintingListener implements DeployListener {
        private final PrintWriter out;

        PrintingListener(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void progress(DeployStep step, String message) {
            out.println("  " + step.label() + ": " + message);
            out.flush();
        }

        @Override
        public void done(DeployStep step, StepOutcome outcome) {
            out.printf("%-14s %-11s %s%n", step.label(), outcomeName(outcome), outcome.detail());
            out.flush();
        }

        @Override
        public void skipped(DeployStep step, String message) {
            out.printf("%-14s %-11s %s%n", step.label(), "skipped", message);
            out.flush();
        }

        @Override
        public void failed(DeployStep step, String message) {
            out.printf(
                    "%-14s %-11s %s%n",
                    step.label(), "FAILED", message.lines().findFirst().orElse(""));
            out.flush();
        }
    }
}
