package fanout.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class LocalServersIT {

    @Test
    void startsBothServersOnLoopbackAndStopsThemOnClose() throws Exception {
        LocalAws local = LocalAws.start();
        long pid;
        try (local) {
            pid = local.pid();
            assertThat(local.kinesisEndpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(local.dynamoEndpoint().getHost()).isEqualTo("127.0.0.1");
            try (Socket socket = new Socket()) {
                socket.connect(
                        new InetSocketAddress("127.0.0.1", local.kinesisEndpoint().getPort()),
                        2000);
                assertThat(socket.isConnected()).isTrue();
            }
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }
}
