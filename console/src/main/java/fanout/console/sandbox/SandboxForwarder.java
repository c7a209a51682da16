package fanout.console.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fanout.console.problem.AwsAccessException;
import fanout.console.problem.BadInputException;
import fanout.console.problem.OperationFailedException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ./fanout --sandbox VERB ...}: sends the command line (without {@code --sandbox}) to the
 * running sandbox over its control channel, prints what the command printed there and returns its
 * exit code. When the command cannot get there, it throws what went wrong and the command line
 * picks the exit code.
 */
public final class SandboxForwarder {
    static final String FLAG = "--sandbox";
    static final String NOT_RUNNING =
            "no sandbox is running: start one with `./fanout sandbox up --detach`";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final SandboxDirectory directory;

    public SandboxForwarder(SandboxDirectory directory) {
        this.directory = directory;
    }

    /**
     * True when the command line asks to run against the sandbox ({@code --sandbox} before {@code
     * --}).
     */
    public static boolean requested(String[] args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals(FLAG)) {
                return true;
            }
        }
        return false;
    }

    /** The command line as the sandbox runs it: {@code --sandbox} removed. */
    static List<String> strip(String[] args) {
        List<String> result = new ArrayList<>();
        boolean options = true;
        for (String arg : args) {
            if (options && arg.equals(FLAG)) {
                continue;
            }
            if (arg.equals("--")) {
                options = false;
            }
            result.add(arg);
        }
        return result;
    }

    /** The exit code of the command as it ran in the sandbox. */
    public int forward(String[] args, PrintStream out, PrintStream err) {
        List<String> command = strip(args);
        if (command.contains("--watch") || command.contains("tui")) {
            throw new BadInputException(
                    "live views cannot run through --sandbox (the channel returns a"
                            + " command's output when it ends): run `./fanout sandbox` for the live"
                            + " console, or repeat `./fanout --sandbox status`");
        }
        Optional<SandboxInfo> info = directory.readInfo();
        if (info.isEmpty()) {
            throw new AwsAccessException(NOT_RUNNING);
        }
        try {
            String token = directory.readToken(info.get());
            ObjectNode body = JSON.createObjectNode();
            ArrayNode array = body.putArray("args");
            command.forEach(array::add);
            HttpResponse<byte[]> response =
                    HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(CONNECT_TIMEOUT)
                            .build()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create(info.get().control() + "/run"))
                                            .header("Authorization", "Bearer " + token)
                                            .header("Content-Type", "application/json")
                                            .POST(
                                                    HttpRequest.BodyPublishers.ofByteArray(
                                                            JSON.writeValueAsBytes(body)))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofByteArray());
            JsonNode answer = JSON.readTree(response.body());
            if (response.statusCode() != 200) {
                throw new OperationFailedException(
                        "the sandbox refused the command: " + answer.path("error").asText());
            }
            out.print(answer.path("out").asText());
            err.print(answer.path("err").asText());
            out.flush();
            err.flush();
            if (!answer.path("exitCode").isInt()) {
                throw new OperationFailedException("the sandbox's answer has no exit code");
            }
            return answer.path("exitCode").asInt();
        } catch (ConnectException e) {
            throw new AwsAccessException(
                    NOT_RUNNING
                            + " (the one in "
                            + directory.infoFile()
                            + ", pid "
                            + info.get().pid()
                            + ", does not answer)",
                    e);
        } catch (IOException e) {
            throw new AwsAccessException(
                    "cannot reach the sandbox at " + info.get().control() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationFailedException("interrupted while waiting for the sandbox", e);
        }
    }
}
