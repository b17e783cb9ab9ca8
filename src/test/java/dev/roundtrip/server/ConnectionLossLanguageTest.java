package dev.roundtrip.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.text.Texts;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A lost connection is told in the language of whoever reads it: what it means for the client in
 * their words, the socket's own message (the JDK's, English) kept as it was.
 */
class ConnectionLossLanguageTest {
    @Test
    void aResetKeepsTheSocketsWordsAndSaysWhatItMeansInEachLanguage() {
        var reset = ServerConnection.describe(new IOException("Connection reset by peer"));
        assertThat(reset.english()).isEqualTo("Connection reset by peer (the client's kernel answered with RST: the client had gone)");
        assertThat(reset.in(Locale.GERMAN)).isEqualTo("Connection reset by peer (RST vom Kernel des Clients: der Client ist weg)");
        assertThat(reset.in(Locale.FRENCH)).isEqualTo("Connection reset by peer (RST du noyau du client : le client est parti)");
        assertThat(reset.in(Texts.SPANISH)).isEqualTo("Connection reset by peer (RST del kernel del cliente: el cliente se fue)");
    }

    @Test
    void nettysNativeTransportNamesItsSystemCallWhichTheStudentIsNotShown() {
        var reset = ServerConnection.describe(new IOException("recvAddress(..) failed with error(-104): Connection reset by peer"));
        assertThat(reset.english()).isEqualTo("Connection reset by peer (the client's kernel answered with RST: the client had gone)");
        assertThat(ServerConnection.describe(new IOException("writevAddresses(..) failed with error(-32): Broken pipe")).english())
                .startsWith("Broken pipe");
    }

    @Test
    void everyLossIsTranslated() {
        for (var why : java.util.List.of(ServerConnection.describe(new ClosedChannelException()), ServerConnection.describe(new IOException("Broken pipe")),
                dev.roundtrip.trace.Phrase.of("server.lostBeforeRead", dev.roundtrip.trace.Phrase.of("server.clientClosed")))) {
            for (Locale l : Texts.LANGUAGES.subList(1, Texts.LANGUAGES.size())) {
                assertThat(why.in(l)).as(why.key() + " in " + l).isNotEqualTo(why.english());
            }
        }
    }
}
