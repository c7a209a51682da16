package fanout.selfreg;

import fanout.control.CheckResult;
import fanout.mapping.Mapping;
import fanout.selfreg.Outcome.Kind;
import fanout.selfreg.RegistrationStore.Removed;
import fanout.selfreg.RegistrationStore.Written;
import fanout.selfreg.StudentRequest.Hook;
import fanout.selfreg.StudentRequest.Invalid;
import fanout.selfreg.StudentRequest.Unhook;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Serves one verified slash command: registration open? request valid? the fan-out function's check
 * passes? then the conditional write, and the real outcome in words. Nothing is written before the
 * check passed, and a request handed on to the late path writes nothing here.
 */
public final class SelfRegistration {
    static final String CLOSED =
            "Registration is closed: the workshop leader has locked it. Ask them to open it"
                    + " (./fanout selfreg unlock).";
    private static final Logger LOG = Logger.getLogger(SelfRegistration.class.getName());

    private final SelfRegistrationConfig config;
    private final RequestRules rules;
    private final StateGate state;
    private final TargetCheck check;
    private final RegistrationStore store;

    public SelfRegistration(
            SelfRegistrationConfig config,
            StateGate state,
            TargetCheck check,
            RegistrationStore store) {
        this.config = Objects.requireNonNull(config, "config is required");
        this.rules =
                new RequestRules(
                        config.idRule(), config.assumableRolePattern(), config.sourceArn());
        this.state = Objects.requireNonNull(state, "state is required");
        this.check = Objects.requireNonNull(check, "check is required");
        this.store = Objects.requireNonNull(store, "store is required");
    }

    public Outcome serve(SlackCommand command, CommitGate gate) {
        try {
            if (state.registrationLocked()) {
                return new Outcome(Kind.REFUSED, CLOSED);
            }
            StudentRequest request = rules.read(command);
            if (request instanceof Invalid invalid) {
                return new Outcome(Kind.REFUSED, invalid.message());
            }
            if (request instanceof Hook hook) {
                return hook(hook, command, gate);
            }
            return unhook((Unhook) request, command, gate);
        } catch (TargetCheck.CheckUnavailable e) {
            LOG.log(Level.WARNING, "check unavailable for " + command.sender(), e);
            return new Outcome(
                    Kind.FAILED,
                    "Could not check your stream: "
                            + e.getMessage()
                            + ". Nothing was registered; tell the workshop leader.");
        } catch (SdkException e) {
            LOG.log(Level.WARNING, "AWS call failed for " + command.sender(), e);
            return new Outcome(
                    Kind.FAILED,
                    "Something failed on the class's side ("
                            + e.getClass().getSimpleName()
                            + "). Nothing was changed; try again in a minute, or tell the workshop"
                            + " leader.");
        }
    }

    private Outcome hook(Hook hook, SlackCommand command, CommitGate gate) {
        Mapping candidate =
                Mapping.kinesis(config.sourceArn(), hook.id(), hook.stream().shortName())
                        .withRole(hook.role().toString(), null)
                        .withRegion(hook.stream().region());
        CheckResult result = check.check(config.sourceArn(), candidate);
        if (!result.ok()) {
            return new Outcome(
                    Kind.REFUSED, Fixes.failedCheck(hook, result, config.fanoutRoleArn()));
        }
        if (!gate.commit()) {
            return new Outcome(Kind.ABANDONED, "");
        }
        Written written =
                store.register(
                        config.sourceArn(),
                        hook.id(),
                        hook.role(),
                        hook.stream(),
                        config.parallel(),
                        command.sender(),
                        command.userName());
        LOG.info(() -> "hook " + hook.id() + " by " + command.sender() + ": " + written);
        String checked =
                " (checked: the fan-out role assumed "
                        + hook.role().shortName()
                        + ", stream "
                        + hook.stream().shortName()
                        + " is "
                        + result.streamStatus()
                        + ")";
        if (written == Written.TAKEN) {
            return new Outcome(
                    Kind.REFUSED,
                    "Not registered: id "
                            + hook.id()
                            + " is already registered for another stream in this class. If that"
                            + " is a mistake, ask the workshop leader; otherwise use your own id"
                            + " in your stream's and role's names.");
        }
        if (written == Written.UNCHANGED) {
            return new Outcome(
                    Kind.REGISTERED,
                    hook.id() + " was already registered for " + hook.stream() + checked + ".");
        }
        return new Outcome(
                Kind.REGISTERED,
                "Registered "
                        + hook.id()
                        + ": "
                        + hook.stream()
                        + " receives the class's events"
                        + checked
                        + (written == Written.UPDATED ? "; your role was updated" : "")
                        + ". Delivery starts within a minute once the class stream is hooked.");
    }

    private Outcome unhook(Unhook unhook, SlackCommand command, CommitGate gate) {
        if (!gate.commit()) {
            return new Outcome(Kind.ABANDONED, "");
        }
        Removed removed =
                store.unregister(
                        config.sourceArn(), unhook.id(), unhook.stream(), command.sender());
        LOG.info(() -> "unhook " + unhook.id() + " by " + command.sender() + ": " + removed);
        return switch (removed) {
            case REMOVED ->
                    new Outcome(
                            Kind.UNREGISTERED,
                            "Unregistered "
                                    + unhook.id()
                                    + ": "
                                    + unhook.stream()
                                    + " gets no more events.");
            case NOT_REGISTERED ->
                    new Outcome(
                            Kind.REFUSED,
                            "Nothing to remove: " + unhook.id() + " is not registered.");
            case OTHER_STREAM ->
                    new Outcome(
                            Kind.REFUSED,
                            "Not removed: " + unhook.id() + " is registered for another stream.");
            case NOT_SELF_REGISTERED ->
                    new Outcome(
                            Kind.REFUSED,
                            "Not removed: the workshop leader registered "
                                    + unhook.id()
                                    + "; ask them to remove it.");
            case OTHER_USER ->
                    new Outcome(
                            Kind.REFUSED,
                            "Not removed: "
                                    + unhook.id()
                                    + " was registered by another Slack user; only they (or the"
                                    + " workshop leader) can remove it.");
        };
    }
}
