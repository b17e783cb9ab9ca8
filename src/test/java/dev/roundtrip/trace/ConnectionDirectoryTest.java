package dev.roundtrip.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionDirectoryTest {
    private final InetSocketAddress client = new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000);

    @Test
    void aServerThatAttachesLateHearsWhatWasSaidBefore() {
        ConnectionDirectory d = new ConnectionDirectory();
        ConnectionDirectory.Link link = d.register(client, 7);
        link.requestSent(1);
        link.requestSent(2);
        List<String> heard = new ArrayList<>();
        d.find(new InetSocketAddress(InetAddress.getLoopbackAddress(), 40000)).orElseThrow().attachServer(new ConnectionDirectory.ServerSide() {
            @Override
            public void requestSent(long exchangeId) {
                heard.add("sent " + exchangeId);
            }

            @Override
            public void clientClosed() {
                heard.add("closed");
            }
        });
        link.requestSent(3);
        link.clientClosed();
        link.clientClosed();
        assertThat(heard).containsExactly("sent 1", "sent 2", "sent 3", "closed");
        assertThat(link.connectionId()).isEqualTo(7);
    }

    @Test
    void responsesReachTheClientAndUnknownAddressesAreOutsiders() {
        ConnectionDirectory d = new ConnectionDirectory();
        ConnectionDirectory.Link link = d.register(client, 1);
        List<Long> heard = new ArrayList<>();
        link.responseSent(5);
        link.attachClient(heard::add);
        link.responseSent(6);
        assertThat(heard).containsExactly(5L, 6L);
        assertThat(d.find(new InetSocketAddress(InetAddress.getLoopbackAddress(), 40001))).isEmpty();
        d.remove(link);
        assertThat(d.find(client)).isEmpty();
    }
}
