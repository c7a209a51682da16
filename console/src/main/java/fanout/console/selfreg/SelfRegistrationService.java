package fanout.console.selfreg;

import fanout.console.Session;
import fanout.console.aws.AwsErrors;
import fanout.console.deploy.SelfRegistrationDeployer;
import fanout.console.sandbox.SandboxDirectory;
import fanout.console.sandbox.SandboxInfo;
import fanout.selfreg.StateGate;
import fanout.state.ClassSetting;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The class's self-registration settings: the lock (a class setting in the state table, read by the
 * bot on every request) and where the bot listens. The CLI and the console call the same methods.
 */
public final class SelfRegistrationService {
    private final Session session;

    public SelfRegistrationService(Session session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** Closes ({@code true}) or opens registration; the bot says so from its next request. */
    public void setLocked(boolean locked) {
        try {
            session.aws()
                    .dynamo()
                    .putItem(
                            r ->
                                    r.tableName(session.stateTable())
                                            .item(
                                                    ClassSetting.selfRegistrationLock(locked)
                                                            .toItem()));
        } catch (SdkException e) {
            throw AwsErrors.wrap(
                    (locked ? "locking" : "unlocking")
                            + " self-registration in "
                            + session.stateTable()
                            + " (run ./fanout deploy first if it does not exist)",
                    e);
        }
    }

    public boolean locked() {
        try {
            // The bot's own read of the lock, so the console shows what the bot will do.
            return new StateGate(session.aws().dynamo(), session.stateTable()).registrationLocked();
        } catch (SdkException e) {
            throw AwsErrors.wrap(
                    "reading the self-registration lock in " + session.stateTable(), e);
        }
    }

    /** Flips the lock; returns the new state. */
    public boolean toggle() {
        boolean locked = !locked();
        setLocked(locked);
        return locked;
    }

    /**
     * The function URL of {@code <function>-selfreg}, if it is deployed; in the sandbox, the
     * loopback endpoint that stands in for it.
     */
    public Optional<String> url() {
        String function = SelfRegistrationDeployer.functionName(session.functionName());
        Optional<String> deployed;
        try {
            deployed =
                    new SelfRegistrationDeployer(session.aws(), millis -> {}, () -> new byte[0])
                            .currentUrl(function);
        } catch (SdkException e) {
            return Optional.empty();
        }
        if (deployed.isEmpty() || !session.sandbox()) {
            return deployed;
        }
        return SandboxDirectory.inWorkingDirectory()
                .readInfo()
                .map(SandboxInfo::selfRegistrationUrl)
                .map(u -> u.substring(0, u.lastIndexOf('/') + 1) + function)
                .or(() -> deployed);
    }
}
