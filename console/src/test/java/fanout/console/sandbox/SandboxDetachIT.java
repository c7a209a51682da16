package fanout.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fanout.localaws.LocalAws;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a leader's script does with the packaged console: {@code sandbox up --detach}, a verb with
 * {@code --sandbox}, {@code sandbox down}; and nothing is left running afterwards.
 */
class SandboxDetachIT {
    @TempDir Path workingDirectory;

    @Test
    void aScriptCanStartUseAndStopTheSandboxLeavingNoProcessBehind() throws Exception {
        Path home = LocalAws.findHome().orElseThrow();
        Path jar = home.resolve("console/target/fanout-console.jar");
        assumeTrue(
                Files.isRegularFile(jar),
                "skipped: " + jar + " is not built (run `mvn package` first)");

        Run up = fanout(home, jar, "sandbox", "up", "--detach");
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).contains("sandbox running (pid");
        SandboxInfo info =
                new SandboxDirectory(workingDirectory.resolve(".fanout")).readInfo().orElseThrow();
        ProcessHandle sandbox = ProcessHandle.of(info.pid()).orElseThrow();
        List<ProcessHandle> started = new ArrayList<>(sandbox.descendants().toList());
        started.add(sandbox);
        assertThat(started).as("the sandbox JVM and its node child").hasSizeGreaterThanOrEqualTo(2);

        Run list = fanout(home, jar, "--sandbox", "list");
        assertThat(list.output())
                .as("the command ran inside the sandbox, where nothing is deployed yet")
                .contains("fanoutTargets")
                .doesNotContain("no sandbox is running");
        assertThat(list.exitCode()).isEqualTo(3);

        Run down = fanout(home, jar, "sandbox", "down");
        assertThat(down.exitCode()).as(down.output()).isZero();
        for (ProcessHandle process : started) {
            process.onExit().get(20, TimeUnit.SECONDS);
            assertThat(process.isAlive()).as("process " + process.pid()).isFalse();
        }
        assertThat(workingDirectory.resolve(".fanout/sandbox.json")).doesNotExist();

        Run after = fanout(home, jar, "--sandbox", "list");
        assertThat(after.exitCode()).isEqualTo(3);
        assertThat(after.output()).contains("no sandbox is running");
    }

    private record Run(int exitCode, String output) {}

    private Run fanout(Path home, Path jar, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Daws.cborEnabled=false");
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(workingDirectory.toFile())
                        .redirectErrorStream(true);
        builder.environment().put("FANOUT_HOME", home.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        System.out.println("$ fanout " + String.join(" ", args) + "\n" + output);
        return new Run(process.exitValue(), output);
    }
}
