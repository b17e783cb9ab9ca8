package dev.roundtrip.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.record.Recording;
import dev.roundtrip.record.RecordingJson;
import dev.roundtrip.text.Texts;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.StageEvent;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What the capture proxy says, its exchanges' ends and its refusals included, is said by phrase: English
 * in the recording as before, in the language in use for the app and the CLI. Only the bodies it sends a
 * foreign client on the wire stay English (they are protocol bytes, recorded as sent).
 */
class CapturePhrasesTest {
    private static final Locale SPANISH = Locale.forLanguageTag("es");

    @Test
    void aReverseProxysEndsAndFailuresAreSaidInEveryLanguage() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort(); // closed again: nothing listens there
        }
        try (Upstream upstream = new Upstream();
             CaptureProxy good = CaptureProxy.start(CaptureOptions.reverse(0, Target.parse(upstream.url())));
             CaptureProxy refused = CaptureProxy.start(CaptureOptions.reverse(0, Target.of("127.0.0.1", closedPort)))) {
            Raw.send(good.port(), "GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            Raw.Answer noHost = Raw.send(good.port(), "GET / HTTP/1.1\r\n\r\n");
            Raw.Answer unreachable = Raw.send(refused.port(), "GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            List<Exchange> answered = Waits.ended(good.recording(), 2);
            Exchange lost = Waits.ended(refused.recording(), 1).get(0);

            Exchange ok = answered.stream().filter(x -> x.response().orElseThrow().status() == 200).findFirst().orElseThrow();
            ExchangeEnded okEnd = ok.end().orElseThrow();
            assertThat(okEnd.detail()).isEqualTo("answered 200 OK by 127.0.0.1:" + upstream.port());
            assertThat(okEnd.detail(Locale.GERMAN)).isEqualTo("beantwortet mit 200 OK von 127.0.0.1:" + upstream.port());

            Exchange bad = answered.stream().filter(x -> x.response().orElseThrow().status() == 400).findFirst().orElseThrow();
            assertThat(bad.end().orElseThrow().detail()).isEqualTo("Roundtrip answered 400 without reaching the server");
            assertThat(bad.end().orElseThrow().detail(Locale.FRENCH)).isEqualTo("Roundtrip a répondu 400 sans atteindre le serveur");
            assertThat(error(bad).detail()).isEqualTo("malformed request: an HTTP/1.1 request needs exactly one Host header; not forwarded");
            assertThat(error(bad).detail(Locale.GERMAN))
                    .isEqualTo("fehlerhafte Anfrage: eine HTTP/1.1-Anfrage braucht genau einen Host-Header; nicht weitergeleitet");
            assertThat(noHost.body()).as("on the wire: English").isEqualTo("Bad Request: an HTTP/1.1 request needs exactly one Host header\n");

            assertThat(error(lost).detail(Locale.GERMAN))
                    .isEqualTo("keine Verbindung zu 127.0.0.1:" + closedPort + " möglich: Verbindung abgelehnt (dort lauscht niemand)");
            ExchangeEnded lostEnd = lost.end().orElseThrow();
            assertThat(lostEnd.detail()).isEqualTo("Roundtrip could not reach 127.0.0.1:" + closedPort + ": connection refused (nothing listens there)");
            assertThat(lostEnd.detail(Locale.GERMAN))
                    .isEqualTo("Roundtrip konnte 127.0.0.1:" + closedPort + " nicht erreichen: Verbindung abgelehnt (dort lauscht niemand)");
            assertThat(lostEnd.detail(SPANISH)).isEqualTo("Roundtrip no pudo llegar a 127.0.0.1:" + closedPort + ": conexión rechazada (nadie escucha ahí)");
            assertThat(unreachable.body()).as("on the wire: English")
                    .isEqualTo("Bad Gateway: Roundtrip cannot connect to 127.0.0.1:" + closedPort + " (connection refused (nothing listens there))\n");

            List<Exchange> all = new ArrayList<>(answered);
            all.add(lost);
            everyTextIsAPhraseInEveryLanguage(all);
            keptInTheFile(good.recording(), answered);
            keptInTheFile(refused.recording(), List.of(lost));
        }
    }

    @Test
    void aForwardProxysRefusalsAreSaidInEveryLanguage() throws Exception {
        try (CaptureProxy proxy = CaptureProxy.start(CaptureOptions.forward(0))) {
            Raw.Answer remote = Raw.send(proxy.port(), "GET http://192.0.2.1/ HTTP/1.1\r\nHost: 192.0.2.1\r\n\r\n");
            Raw.Answer badPort = Raw.send(proxy.port(), "CONNECT 127.0.0.1:99999 HTTP/1.1\r\nHost: 127.0.0.1:99999\r\n\r\n");
            Raw.Answer unresolved = Raw.send(proxy.port(), "CONNECT no-such-host.invalid:443 HTTP/1.1\r\nHost: no-such-host.invalid:443\r\n\r\n");
            List<Exchange> xs = Waits.ended(proxy.recording(), 3);

            assertThat(remote.head()).startsWith("HTTP/1.1 403 Forbidden");
            assertThat(remote.body()).isEqualTo("Forbidden: capture forwards to this machine only; 192.0.2.1 (192.0.2.1:80) is elsewhere."
                    + " Start capture with --allow-remote-target to allow it.\n");
            assertThat(badPort.head()).startsWith("HTTP/1.1 400 Bad Request");
            assertThat(badPort.body()).isEqualTo("Bad Request: CONNECT needs host:port, was '127.0.0.1:99999'\n");
            assertThat(unresolved.head()).startsWith("HTTP/1.1 502 Bad Gateway");
            assertThat(unresolved.body()).contains("cannot resolve the host 'no-such-host.invalid'");

            Exchange forbidden = withStatus(xs, 403);
            assertThat(forbidden.end().orElseThrow().detail()).isEqualTo("Roundtrip answered 403 without forwarding");
            assertThat(forbidden.end().orElseThrow().detail(SPANISH)).isEqualTo("Roundtrip respondió 403 sin reenviar");
            assertThat(error(forbidden).detail(Locale.FRENCH)).isEqualTo("non transmise : capture ne transmet qu’à cette machine ;"
                    + " 192.0.2.1 (192.0.2.1:80) est ailleurs. Lancez capture avec --allow-remote-target pour l’autoriser.");
            assertThat(error(withStatus(xs, 400)).detail(Locale.GERMAN)).isEqualTo("nicht weitergeleitet: CONNECT braucht host:port, war '127.0.0.1:99999'");
            assertThat(error(withStatus(xs, 502)).detail(Locale.GERMAN)).startsWith("nicht weitergeleitet: der Host 'no-such-host.invalid' lässt sich nicht auflösen");

            everyTextIsAPhraseInEveryLanguage(xs);
            keptInTheFile(proxy.recording(), xs);
        }
    }

    private static Exchange withStatus(List<Exchange> xs, int status) {
        return xs.stream().filter(x -> x.response().orElseThrow().status() == status).findFirst().orElseThrow();
    }

    private static StageEvent error(Exchange x) {
        return x.events().stream().filter(e -> e.phase() == Phase.ERROR).findFirst().orElseThrow(() -> new AssertionError(x.events()));
    }

    /** Every event and every end has a phrase, and each language says it differently from English, with no placeholder left. */
    private static void everyTextIsAPhraseInEveryLanguage(List<Exchange> xs) {
        List<String> englishOnly = new ArrayList<>();
        for (Exchange x : xs) {
            for (StageEvent e : x.events()) {
                if (e.phrase() == null) englishOnly.add("#" + x.id() + " " + e.stage().wireName() + " " + e.phase().wireName() + ": " + e.detail());
                else for (Locale l : Texts.LANGUAGES) assertThat(e.detail(l)).as(e.phrase().key() + " in " + l).doesNotContain("{").isNotBlank();
            }
            ExchangeEnded end = x.end().orElseThrow();
            if (end.phrase() == null) englishOnly.add("#" + x.id() + " end: " + end.detail());
            else {
                for (Locale l : Texts.LANGUAGES) {
                    if (l.equals(Locale.ENGLISH)) continue;
                    assertThat(end.detail(l)).as(end.phrase().key() + " in " + l).doesNotContain("{").isNotEqualTo(end.detail());
                }
            }
        }
        assertThat(englishOnly).as("texts only said in English").isEmpty();
    }

    /** A recording file keeps the English as before and the phrase beside it. */
    private static void keptInTheFile(Recording recording, List<Exchange> xs) throws Exception {
        Recording back = RecordingJson.read(RecordingJson.toBytes(recording), "capture.roundtrip.json");
        for (Exchange x : xs) {
            ExchangeEnded was = x.end().orElseThrow();
            ExchangeEnded read = back.exchange(x.id()).orElseThrow().end().orElseThrow();
            assertThat(read.detail()).isEqualTo(was.detail());
            assertThat(read.phrase()).isEqualTo(was.phrase());
            assertThat(read.detail(Locale.GERMAN)).isEqualTo(was.detail(Locale.GERMAN));
        }
    }
}
