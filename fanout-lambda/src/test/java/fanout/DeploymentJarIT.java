package fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** The shaded jar Lambda runs (built in package, before failsafe) holds only what it needs. */
class DeploymentJarIT {
    static final Path JAR = Path.of("target", "fanout-lambda-0.1.0-lambda.jar");

    @Test
    void theDeploymentJarHasTheHandlerAndNoConsoleOrTestLibraries() throws Exception {
        assertThat(JAR).exists();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            List<String> names = jar.stream().map(ZipEntry::getName).toList();
            assertThat(names)
                    .contains(
                            "fanout/FanoutHandler.class",
                            "software/amazon/awssdk/services/kinesis/KinesisClient.class",
                            "software/amazon/awssdk/services/sts/StsClient.class",
                            "software/amazon/awssdk/http/apache/ApacheHttpClient.class");
            assertThat(names)
                    .noneMatch(
                            n ->
                                    n.startsWith("com/googlecode/lanterna/")
                                            || n.startsWith("picocli/")
                                            || n.startsWith("org/junit/")
                                            || n.startsWith("junit/")
                                            || n.startsWith("org/assertj/")
                                            || n.startsWith("org/mockito/")
                                            || n.startsWith("org/awaitility/")
                                            || n.startsWith("fanout/localaws/")
                                            || n.startsWith("fanout/console/")
                                            || n.startsWith(
                                                    "software/amazon/awssdk/http/nio/netty/"));
        }
        assertThat(Files.size(JAR)).isLessThan(40L * 1024 * 1024);
    }
}
