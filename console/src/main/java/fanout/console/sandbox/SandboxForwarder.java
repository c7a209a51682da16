package fanout.console.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fanout.console.cli.ExitCodes;
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
 * exit code.
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

    public int forward(String[] args, PrintStream out, PrintStream err) {
        Optional<SandboxInfo> info = directory.readInfo();
        if (info.isEmpty()) {
            err.println("error: " + NOT_RUNNING);
            return ExitCodes.AWS;
        }
        try {
            String token = directory.readToken(info.get());
            ObjectNode body = JSON.createObjectNode();
            ArrayNode array = body.putArray("args");
            strip(args).forEach(array::add);
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
                err.println(
                        "error: the sandbox refused the command: " + answer.path("error").asText());
                return ExitCodes.FAILURE;
            }
            out.print(answer.path("out").asText());
            err.print(answer.path("err").asText());
            out.flush();
            err.flush();
            return answer.path("exitCode").asInt(ExitCodes.FAILURE);
        } catch (ConnectException e) {
            err.println(
                    "error: "
                            + NOT_RUNNING
                            + " (the one in "
                            + directory.infoFile()
                            + ", pid "
                            + info.get().pid()
                            + ", does not answer)");
            return ExitCodes.AWS;
        } catch (IOException e) {
            err.println("error: cannot reach the sandbox at " + info.get().control() + ": " + e);
            return ExitCodes.AWS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.FAILURE;
        }
    }
}
