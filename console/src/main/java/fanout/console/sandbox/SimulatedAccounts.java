package fanout.console.sandbox;

import fanout.forward.AssumeRoleSpec;
import fanout.forward.KinesisClientFactory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.CreateStreamRequest;

/**
 * The class's AWS accounts, simulated on one kinesalite: the forwarder's {@link
 * KinesisClientFactory} in the sandbox. A destination's role decides the account (the role must be
 * a student's, and that student's role must trust the fan-out role); its region, the namespace.
 * Students marked broken get a missing stream, a role that cannot be assumed, or a throttling
 * stream.
 */
public final class SimulatedAccounts implements KinesisClientFactory {
    /** The leader's (core) account, where the source stream and the function live. */
    public static final String LEADER_ACCOUNT = "123456789012";

    /** Share of each PutRecords call a throttled student's stream refuses. */
    public static final double THROTTLED_SHARE = 0.4;

    private static final int STUDENT_SHARDS = 1;

    private final KinesisClient kinesalite;
    private final Map<String, SimulatedStudent> byRole = new HashMap<>();
    private final Map<String, ThrottleSchedule> throttles = new HashMap<>();
    private final Map<String, String> savedTrust = new HashMap<>();
    private final DeliveryListener listener;
    private final String functionRoleArn;

    public SimulatedAccounts(
            KinesisClient kinesalite,
            SimulatedClass students,
            DeliveryListener listener,
            String functionRoleArn) {
        this.kinesalite = Objects.requireNonNull(kinesalite, "kinesalite");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.functionRoleArn = Objects.requireNonNull(functionRoleArn, "functionRoleArn");
        for (SimulatedStudent student : students.students()) {
            byRole.put(student.roleArn(), student);
            if (student.condition() == StudentCondition.THROTTLED) {
                throttles.put(student.id(), new ThrottleSchedule(THROTTLED_SHARE));
            }
        }
    }

    /** Creates every student's stream, except those of students marked {@code missing-stream}. */
    public void createStudentStreams() {
        for (SimulatedStudent student : byRole.values()) {
            if (student.condition() != StudentCondition.MISSING_STREAM) {
                accountView(student.account(), student.region())
                        .createStream(
                                CreateStreamRequest.builder()
                                        .streamName(student.streamName())
                                        .shardCount(STUDENT_SHARDS)
                                        .build());
            }
        }
    }

    /** The leader's own Kinesis in {@code region}: what the console session sees. */
    public KinesisClient leaderView(String region) {
        return accountView(LEADER_ACCOUNT, region);
    }

    /** Any simulated account's Kinesis, as its owner sees it (for tests and the log). */
    public KinesisClient accountView(String account, String region) {
        return new NamespacedKinesisClient(
                kinesalite, new AccountView(account, region), records -> {});
    }

    @Override
    public KinesisClient forDestination(String region, Optional<AssumeRoleSpec> role) {
        if (role.isEmpty()) {
            return leaderView(region);
        }
        String roleArn = role.get().roleArn();
        SimulatedStudent student = byRole.get(roleArn);
        if (student == null || student.condition() == StudentCondition.DENIED_ROLE) {
            return unassumable(roleArn);
        }
        KinesisClient client =
                new NamespacedKinesisClient(
                        kinesalite,
                        new AccountView(student.account(), region),
                        records -> listener.delivered(student.id(), records));
        ThrottleSchedule throttle = throttles.get(student.id());
        return throttle == null ? client : new ThrottlingKinesisClient(client, throttle);
    }

    /** The simulated student who owns {@code roleArn}, if any. */
    public Optional<SimulatedStudent> student(String roleArn) {
        return Optional.ofNullable(byRole.get(roleArn));
    }

    /**
     * True when the student's trust policy still names the fan-out role it was saved with: AWS
     * binds a role principal to the role's unique id, so the first id seen is the one saved, and a
     * re-created fan-out role (a new id) is no longer trusted.
     */
    public synchronized boolean trustsFanoutRole(SimulatedStudent student, String fanoutRoleId) {
        return savedTrust.computeIfAbsent(student.id(), id -> fanoutRoleId).equals(fanoutRoleId);
    }

    @Override
    public void close() {
        // The kinesalite client belongs to the sandbox, which outlives any one handler.
    }

    /** A client whose every call fails as STS fails an AssumeRole the role does not trust. */
    private KinesisClient unassumable(String roleArn) {
        return failing(roleArn, KinesisErrors.cannotAssume(functionRoleArn, roleArn));
    }

    /** A client whose every call throws {@code error} (what a failed AssumeRole leaves). */
    static KinesisClient failing(String roleArn, RuntimeException error) {
        InvocationHandler handler =
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "serviceName":
                            return KinesisClient.SERVICE_NAME;
                        case "close":
                            return null;
                        case "toString":
                            return "unassumable(" + roleArn + ")";
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            throw error;
                    }
                };
        return (KinesisClient)
                Proxy.newProxyInstance(
                        KinesisClient.class.getClassLoader(),
                        new Class<?>[] {KinesisClient.class},
                        handler);
    }
}
