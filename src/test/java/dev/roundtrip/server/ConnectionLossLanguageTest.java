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
        assertThat(reset.in(Locale.GERMAN)).isEqualTo("Connection reset by peer (der Kernel des Clients hat mit RST geantwortet: der Client war weg)");
        assertThat(reset.in(Locale.FRENCH)).isEqualTo("Connection reset by peer (le noyau du client a répondu par RST : le client était parti)");
        assertThat(reset.in(Texts.SPANISH)).isEqualTo("Connection reset by peer (el kernel del cliente respondió con RST: el cliente se había ido)");
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
