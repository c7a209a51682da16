package fanout.console.sandbox;

import fanout.console.problem.OperationFailedException;
import fanout.console.workshop.WorkshopCatalog;
import fanout.time.DaemonThreads;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A sandbox serving its leader: the runtime, plus the control channel other {@code ./fanout
 * --sandbox} processes reach through {@code .fanout/sandbox.json}. Stops on request, on Ctrl-C, or
 * when closed; removes its files on the way out.
 */
final class SandboxHost implements AutoCloseable {
    private static final int CONTROL_THREADS = 2;

    /** The self-registration function of the default fan-out function, as deploy names it. */
    static final String SELFREG_FUNCTION = "fanout-selfreg";

    private final SandboxRuntime runtime;
    private final SandboxSessionFactory sessions;
    private final SandboxDirectory directory;
    private final ExecutorService controlThread;
    private final ControlServer server;
    private final ExecutorService selfRegistrationThreads;
    private final SelfRegistrationServer selfRegistration;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final long pid = ProcessHandle.current().pid();

    private SandboxHost(
            SandboxRuntime runtime,
            WorkshopCatalog workshops,
            SandboxDirectory directory,
            Clock clock)
            throws IOException {
        this.runtime = runtime;
        this.directory = directory;
        this.sessions = new SandboxSessionFactory(workshops, runtime.clients(), clock);
        // Two threads: a shutdown request is heard while a command runs (commands run one at a
        // time in InProcessCli).
        this.controlThread =
                Executors.newFixedThreadPool(
                        CONTROL_THREADS, DaemonThreads.named("sandbox-control-"));
        this.server =
                new ControlServer(
                        directory.newToken(),
                        new InProcessCli(sessions),
                        stopRequested::countDown,
                        controlThread);
        directory.newSigningSecret();
        this.selfRegistrationThreads =
                Executors.newCachedThreadPool(DaemonThreads.named("sandbox-selfreg-"));
        this.selfRegistration =
                new SelfRegistrationServer(
                        runtime.clients(), clock, message -> {}, selfRegistrationThreads);
        directory.writeInfo(
                new SandboxInfo(
                        pid,
                        runtime.sourceArn(),
                        server.address().toString(),
                        directory.tokenFile().toString(),
                        selfRegistration.url(SELFREG_FUNCTION).toString(),
                        directory.signingSecretFile().toString()));
    }

    static SandboxHost start(
            SandboxSettings settings,
            WorkshopCatalog workshops,
            SandboxDirectory directory,
            Clock clock,
            Consumer<String> log) {
        running(directory)
                .ifPresent(
                        info -> {
                            throw new OperationFailedException(
                                    "a sandbox is already running (pid "
                                            + info.pid()
                                            + "): use it with `./fanout --sandbox VERB`, or stop"
                                            + " it with `./fanout sandbox down`");
                        });
        SandboxRuntime runtime = SandboxRuntime.start(settings, clock, log);
        try {
            SandboxHost host = new SandboxHost(runtime, workshops, directory, clock);
            Runtime.getRuntime().addShutdownHook(new Thread(host::close, "sandbox-shutdown"));
            return host;
        } catch (IOException | RuntimeException e) {
            runtime.close();
            throw new OperationFailedException(
                    "cannot open the sandbox's control channel: " + e, e);
        }
    }

    /** The sandbox that {@code sandbox.json} names, if its process is alive. */
    static Optional<SandboxInfo> running(SandboxDirectory directory) {
        return directory
                .readInfo()
                .filter(
                        info ->
                                ProcessHandle.of(info.pid())
                                        .map(ProcessHandle::isAlive)
                                        .orElse(false));
    }

    SandboxSessionFactory sessions() {
        return sessions;
    }

    SandboxRuntime runtime() {
        return runtime;
    }

    String describe() {
        return String.join(
                System.lineSeparator(),
                "SANDBOX: a local class on 127.0.0.1, no AWS account (pid " + pid + ")",
                "  source stream  " + runtime.sourceArn(),
                "  kinesalite     " + runtime.kinesisEndpoint(),
                "  dynalite       " + runtime.dynamoEndpoint(),
                "  control        " + server.address() + " (" + directory.infoFile() + ")",
                "  self-register  "
                        + selfRegistration.url(SELFREG_FUNCTION)
                        + " (after ./fanout --sandbox deploy --self-registration)",
                "  run the class  ./fanout --sandbox deploy; ./fanout --sandbox roster import"
                        + " <class.csv> --activate; ./fanout --sandbox hook; ./fanout --sandbox"
                        + " status",
                "  stop           ./fanout sandbox down (or Ctrl-C here)");
    }

    void awaitStopRequest() throws InterruptedException {
        stopRequested.await();
    }

    void requestStop() {
        stopRequested.countDown();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopRequested.countDown();
        server.close();
        selfRegistration.close();
        selfRegistrationThreads.shutdownNow();
        controlThread.shutdownNow();
        runtime.close();
        directory.remove(pid);
    }
}
