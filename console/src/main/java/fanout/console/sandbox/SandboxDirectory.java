package fanout.console.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The console's local state for the sandbox, in {@code .fanout/} of the working directory: {@code
 * sandbox.json} (where the running sandbox listens), the control token, and the detached log.
 */
public final class SandboxDirectory {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TOKEN_BYTES = 32;

    private final Path dir;

    public SandboxDirectory(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    public static SandboxDirectory inWorkingDirectory() {
        return new SandboxDirectory(Path.of(".fanout"));
    }

    public Path infoFile() {
        return dir.resolve("sandbox.json");
    }

    public Path tokenFile() {
        return dir.resolve("sandbox.token");
    }

    /** The sandbox's Slack signing secret, readable by its owner only. */
    public Path signingSecretFile() {
        return dir.resolve("slack-signing-secret");
    }

    public Path logFile() {
        return dir.resolve("sandbox.log");
    }

    /** The running sandbox's details, if the file is there and readable. */
    public Optional<SandboxInfo> readInfo() {
        Path file = infoFile();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), SandboxInfo.class));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Written once the sandbox is ready, atomically, so a reader never sees half a file. */
    public void writeInfo(SandboxInfo info) {
        try {
            Files.createDirectories(dir);
            Path temporary = dir.resolve("sandbox.json.tmp");
            Files.write(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(info));
            try {
                Files.move(
                        temporary,
                        infoFile(),
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, infoFile(), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + infoFile(), e);
        }
    }

    /** A fresh random token in a file only its owner can read or write. */
    public String newToken() {
        return newSecret(tokenFile());
    }

    /** A fresh random Slack signing secret, in a file only its owner can read or write. */
    public String newSigningSecret() {
        return newSecret(signingSecretFile());
    }

    private String newSecret(Path file) {
        byte[] bytes = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(file);
            Files.createFile(
                    file,
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, token, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return token;
    }

    public String readToken(SandboxInfo info) throws IOException {
        return Files.readString(Path.of(info.tokenFile()), StandardCharsets.US_ASCII).trim();
    }

    /** Removes the files of the sandbox with process id {@code pid} (not a newer one's). */
    public void remove(long pid) {
        try {
            Optional<SandboxInfo> info = readInfo();
            if (info.isEmpty() || info.get().pid() == pid) {
                Files.deleteIfExists(infoFile());
                Files.deleteIfExists(tokenFile());
                Files.deleteIfExists(signingSecretFile());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + infoFile(), e);
        }
    }
}
