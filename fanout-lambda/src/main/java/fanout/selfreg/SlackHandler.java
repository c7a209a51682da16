package fanout.selfreg;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fanout.selfreg.Outcome.Kind;
import fanout.selfreg.SlackSignature.Verdict;
import fanout.time.DaemonThreads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The self-registration function behind a function URL ({@code
 * fanout.selfreg.SlackHandler::handleRequest}). A request whose Slack signature does not verify,
 * whose timestamp is stale or which was seen before gets 401 and nothing else. A verified command
 * is served within Slack's 3 s: answered directly when done within the budget, otherwise answered
 * "checking" at once and served again through the {@link Continuation}, which posts the real
 * outcome to the command's {@code response_url}.
 *
 * <p>The no-arg constructor is Lambda's composition root; the other is for the sandbox and tests.
 */
public final class SlackHandler implements RequestStreamHandler, AutoCloseable {
    static final String CHECKING =
            "Checking your role and stream… the answer follows here in a few seconds.";
    static final String FAILED = "Something failed on the class's side; try again in a minute.";
    private static final Logger LOG = Logger.getLogger(SlackHandler.class.getName());

    private final ObjectMapper json = new ObjectMapper();
    private final SelfRegistrationConfig config;
    private final SelfRegistrationServices services;
    private final SlackSignature signature;
    private final StateGate state;
    private final SelfRegistration registration;
    private final ExecutorService workers;

    public SlackHandler() {
        this(SelfRegistrationConfig.fromEnvironment(System.getenv()));
    }

    private SlackHandler(SelfRegistrationConfig config) {
        this(config, SelfRegistrationServices.aws(config, new ObjectMapper()));
    }

    public SlackHandler(SelfRegistrationConfig config, SelfRegistrationServices services) {
        this.config = Objects.requireNonNull(config, "config is required");
        this.services = Objects.requireNonNull(services, "services is required");
        this.signature = new SlackSignature(config.secret(), services.clock());
        this.state = new StateGate(services.dynamo(), config.stateTable());
        this.registration =
                new SelfRegistration(
                        config,
                        state,
                        services.check(),
                        new RegistrationStore(
                                services.dynamo(), config.targetsTable(), services.clock()));
        this.workers = Executors.newCachedThreadPool(DaemonThreads.named("selfreg-"));
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context)
            throws IOException {
        JsonNode event = readEvent(input);
        ObjectNode answer;
        if (event != null && event.has(SelfInvoke.FIELD)) {
            serveLate(json.treeToValue(event.get(SelfInvoke.FIELD), SlackCommand.class));
            answer = json.createObjectNode();
        } else {
            answer = FunctionUrlEvents.answer(json, serve(FunctionUrlEvents.read(event)));
        }
        json.writeValue(output, answer);
    }

    /** Input that is not JSON reads as no event: it is answered 401, as any unsigned request. */
    private JsonNode readEvent(InputStream input) {
        try {
            return json.readTree(input);
        } catch (IOException e) {
            return null;
        }
    }

    private FunctionUrlEvents.Reply serve(FunctionUrlEvents.Request request) {
        Verdict verdict =
                signature.verify(
                        request.header(SlackSignature.TIMESTAMP_HEADER),
                        request.header(SlackSignature.SIGNATURE_HEADER),
                        request.body());
        if (verdict instanceof Verdict.Refused refused) {
            LOG.warning(() -> "refused an unverified request: " + refused.reason());
            return FunctionUrlEvents.Reply.UNAUTHORIZED;
        }
        Verdict.Verified verified = (Verdict.Verified) verdict;
        try {
            if (!state.firstDelivery(
                    verified.signature(), verified.timestamp().plus(SlackSignature.WINDOW))) {
                LOG.warning("refused a replayed request");
                return FunctionUrlEvents.Reply.UNAUTHORIZED;
            }
        } catch (SdkException e) {
            LOG.log(Level.WARNING, "cannot record the request against replays", e);
            return FunctionUrlEvents.Reply.slack(new Outcome(Kind.FAILED, FAILED));
        }
        return FunctionUrlEvents.Reply.slack(withinBudget(SlackCommand.fromForm(request.body())));
    }

    /** The outcome if it is ready within the budget, else "checking" and the late path. */
    private Outcome withinBudget(SlackCommand command) {
        CommitGate gate = new CommitGate();
        CompletableFuture<Outcome> work =
                CompletableFuture.supplyAsync(() -> registration.serve(command, gate), workers);
        try {
            return work.get(config.answerBudget().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (gate.abandon()) {
                services.continuation().later(command, () -> serveLate(command));
                return new Outcome(Kind.CHECKING, CHECKING);
            }
            // The work is already writing: its outcome follows in moments.
            return awaitWriting(work);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Kind.FAILED, "Interrupted; nothing was changed. Try again.");
        } catch (ExecutionException e) {
            LOG.log(Level.SEVERE, "self-registration failed", e.getCause());
            return new Outcome(Kind.FAILED, FAILED);
        }
    }

    private static Outcome awaitWriting(CompletableFuture<Outcome> work) {
        try {
            return work.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Kind.FAILED, FAILED);
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.SEVERE, "self-registration write did not finish", e);
            return new Outcome(
                    Kind.FAILED,
                    "Something failed on the class's side; run the command again to see where it"
                            + " stands.");
        }
    }

    /** The late path: serve, then post the real outcome to the command's response_url. */
    void serveLate(SlackCommand command) {
        Outcome outcome = registration.serve(command, CommitGate.open());
        try {
            services.answers().post(command.responseUrl(), outcome);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not post the answer for " + command.sender(), e);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
