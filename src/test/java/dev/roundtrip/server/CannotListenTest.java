package dev.roundtrip.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roundtrip.lab.Lab;
import dev.roundtrip.lab.LabOptions;
import dev.roundtrip.text.Texts;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A port another program holds is said in the user's language, the system's words only in brackets; the English stays for the CLI. */
class CannotListenTest {
    private final Locale before = Texts.locale();

    @AfterEach
    void restore() {
        Texts.use(before);
    }

    @Test
    void aTakenPortIsSaidInEachLanguageWithTheSystemsWordsInBrackets() throws Exception {
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = other.getLocalPort();
            Throwable[] thrown = new Throwable[1];
            assertThatThrownBy(() -> Lab.start(LabOptions.defaults().withPort(port))).satisfies(e -> thrown[0] = e);
            assertThat(thrown[0]).isInstanceOf(BindException.class).isInstanceOf(CannotListen.Taken.class);
            CannotListen.Taken taken = (CannotListen.Taken) thrown[0];
            String system = taken.getCause().getMessage();
            assertThat(taken.getMessage()).isEqualTo("port " + port + " on 127.0.0.1 is already in use (" + system + "): another program listens there");
            Texts.use(Locale.GERMAN);
            assertThat(taken.getLocalizedMessage())
                    .isEqualTo("Port " + port + " auf 127.0.0.1 ist von einem anderen Programm belegt (Meldung des Systems: " + system + ")");
            Texts.use(Locale.FRENCH);
            assertThat(taken.getLocalizedMessage()).startsWith("le port " + port + " sur 127.0.0.1 est pris par un autre programme");
            Texts.use(Texts.SPANISH);
            assertThat(taken.getLocalizedMessage()).startsWith("el puerto " + port + " en 127.0.0.1 lo ocupa otro programa");
        }
    }

    @Test
    void otherFailuresAreFramedInOurWordsToo() {
        InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), 80);
        IOException denied = (IOException) CannotListen.at(at, new java.net.SocketException("bind(..) failed: Permission denied"));
        assertThat(denied.getMessage()).isEqualTo("cannot listen on port 80 on 127.0.0.1 (bind(..) failed: Permission denied):"
                + " ports below 1024 need administrator rights");
        Texts.use(Locale.GERMAN);
        assertThat(denied.getLocalizedMessage()).isEqualTo("auf Port 80 auf 127.0.0.1 kann nicht gelauscht werden: Ports unter 1024 brauchen"
                + " Administratorrechte (Meldung des Systems: bind(..) failed: Permission denied)");
        for (Locale l : Texts.LANGUAGES.subList(1, 4)) {
            Texts.use(l);
            for (String system : new String[] {"Cannot assign requested address", "something else", "Address already in use"}) {
                Throwable e = CannotListen.at(at, new java.io.IOException(system));
                assertThat(e.getLocalizedMessage()).as(system + " in " + l).isNotEqualTo(e.getMessage()).contains("(").contains(system);
            }
            assertThat(CannotListen.relay("127.0.0.1", new java.io.IOException("x")).getLocalizedMessage())
                    .isNotEqualTo("cannot listen for the database relay on 127.0.0.1: x");
        }
    }

}
