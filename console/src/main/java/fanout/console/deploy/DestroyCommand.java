package fanout.console.deploy;

import fanout.console.Session;
import fanout.console.cli.ExitCodes;
import fanout.console.cli.FanoutException;
import fanout.console.cli.Output;
import fanout.console.cli.OutputFormat;
import fanout.console.cli.TypedConfirmation;
import fanout.console.cli.Verb;
import fanout.time.Sleeper;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code destroy}: removes the hooks, function, tables and role, after a confirmation. */
@Command(
        name = "destroy",
        description = {
            "Remove the fan-out installation: its event source mappings (hooks), the function and"
                    + " the tables <function>Targets and <function>State (with every registration)."
                    + " The role <function>Role stays unless --delete-role.",
            "Asks you to type the function name first; --yes skips that. Without a terminal it"
                    + " refuses unless --yes is given."
        })
public final class DestroyCommand extends Verb implements Runnable {
    @Option(names = "--yes", description = "Do not ask for confirmation.")
    boolean yes;

    @Option(
            names = "--delete-role",
            description =
                    "Also delete the execution role <function>Role. Kept by default: students'"
                            + " trust policies are bound to it, and a re-created role needs every"
                            + " student to save theirs again.")
    boolean deleteRole;

    /** Whether a person can answer a prompt; replaced by tests. */
    BooleanSupplier interactive = () -> System.console() != null;

    @Override
    public void run() {
        Session session = invocation.session();
        String function = session.functionName();
        DestroyService service = new DestroyService(session.aws());
        SelfRegistrationDeployer selfRegistration =
                new SelfRegistrationDeployer(session.aws(), Sleeper.SYSTEM, () -> new byte[0]);
        PrintWriter out = invocation.out();
        boolean json = session.options().output() == OutputFormat.json;
        List<String> alsoSelfRegistration = selfRegistration.inventory(function);
        if (!yes) {
            DestroyService.Inventory inventory = service.inventory(function, deleteRole);
            if (inventory.isEmpty() && alsoSelfRegistration.isEmpty()) {
                out.println("Nothing to remove: no " + function + " installation here.");
                out.flush();
                return;
            }
            confirm(inventory, alsoSelfRegistration, out);
        }
        List<String> removed = new java.util.ArrayList<>();
        java.util.function.Consumer<String> told =
                what -> {
                    removed.add(what);
                    if (!json) {
                        out.println("removed " + what);
                        out.flush();
                    }
                };
        // First: no student registers against a function that is going away.
        selfRegistration.destroy(function, told);
        service.destroy(function, deleteRole, told);
        Optional<String> kept =
                deleteRole ? Optional.empty() : service.inventory(function, false).keptRole();
        if (json) {
            Output.json(
                    out,
                    Map.of("function", function, "removed", removed, "keptRole", kept.orElse("")));
        } else {
            if (removed.isEmpty()) {
                out.println("Nothing to remove: no " + function + " installation here.");
            }
            kept.ifPresent(
                    role ->
                            out.println(
                                    "kept role "
                                            + role
                                            + ": students' trust policies are bound to it"
                                            + " (`destroy --delete-role` removes it)"));
        }
        out.flush();
    }

    private void confirm(
            DestroyService.Inventory inventory, List<String> selfRegistration, PrintWriter out) {
        List<String> lines = new java.util.ArrayList<>(selfRegistration);
        lines.addAll(inventory.lines());
        if (!interactive.getAsBoolean()) {
            throw FanoutException.usage(
                    "destroy needs --yes when standard input is not a terminal (it would remove: "
                            + String.join("; ", lines)
                            + ")");
        }
        out.println("This removes, in account and region of this session:");
        lines.forEach(line -> out.println("  " + line));
        if (!TypedConfirmation.typed(
                out,
                "Type the function name (" + inventory.function() + ") to confirm: ",
                inventory.function())) {
            throw new FanoutException(ExitCodes.FAILURE, "not confirmed: nothing was removed");
        }
    }
}
