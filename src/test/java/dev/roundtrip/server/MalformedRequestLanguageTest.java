package dev.roundtrip.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.lab.Lab;
import dev.roundtrip.text.Texts;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Phrase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Why the server refused a request is said in the student's language in the diagram (the parse
 * stage's error) and in English on the wire (the 4xx body is the server's, not the UI's), the same
 * English the recording keeps. Every reason the server has is sent here, so a reason written as a
 * literal or left untranslated fails.
 */
class MalformedRequestLanguageTest {
    private static final String CHUNKED = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
    /** One request per reason (and the codec's own words, quoted as they are). */
    private static final List<String> REFUSED = List.of(
            "GET /a\u001bb HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /" + "a".repeat(80) + "\u0007 HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /\u00e9 HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /a%zz HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /a#b HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /a|b HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /a\u000bb HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET  /a HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /\r\n\r\n",
            "GARBAGE\r\n\r\n",
            "G E T / HTTP/1.1\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n",
            "GET / HTTP/9.9\r\nHost: x\r\n\r\n",
            "GET / http/1.1\r\nHost: x\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\n Folded: y\r\n\r\n",
            "GET / HTTP/1.1\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: a\u0001b\r\n\r\n",
            "BREW /pot HTCPCP/1.0\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
            "GET nopath HTTP/1.1\r\nHost: x\r\n\r\n",
            "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nExpect: teapot\r\n\r\nhi",
            CHUNKED + "2;\r\nhi\r\n0\r\n\r\n",
            // the codec's own words a student easily provokes, each with a key of its own
            "GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\nX: " + "a".repeat(9000) + "\r\n\r\n",
            "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 67108864\r\n\r\nab",
            CHUNKED + "zz\r\nhi\r\n0\r\n\r\n",
            CHUNKED + "\r\nhi\r\n0\r\n\r\n",
            CHUNKED + "ffffffffffffffffff\r\nhi\r\n0\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1, 2\r\n\r\nab",
            "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\nBad Name: y\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\n: y\r\n\r\n",
            "GET / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n",
            "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n");
    /** Chunk-size lines the codec refuses in its own words before the server looks: their reasons, read by the framing. */
    private static final List<String> CHUNK_LINES = List.of(
            CHUNKED + "2 \r\nhi\r\n0\r\n\r\n",
            CHUNKED + "2 x\r\nhi\r\n0\r\n\r\n",
            CHUNKED + "2;a=\"b\\\r\nhi\r\n0\r\n\r\n",
            CHUNKED + "2;a=\"\u0001\"\r\nhi\r\n0\r\n\r\n",
            CHUNKED + "2;a=\"b\r\nhi\r\n0\r\n\r\n",
            CHUNKED + "2;a=\r\nhi\r\n0\r\n\r\n");
    /** The reasons with no arguments that need a TLS port or an HTTP/2 preface cut short, and the codec's words we have no key for. */
    private static final List<Phrase> CONSTANT = List.of(RequestTarget.TLS, RequestTarget.HTTP2_PREFACE, RequestHandler.PLAIN_ON_TLS_PORT,
            CodecWords.of("a codec message no request here provokes")); // quoted as it is

    private static Lab lab;
    private static final List<Phrase> said = Collections.synchronizedList(new java.util.ArrayList<>());

    @BeforeAll
    static void sendEveryReason() throws Exception {
        lab = Lab.start();
        for (String raw : REFUSED) {
            Exchange x = lab.settled(lab.send(RequestSpec.raw(raw)).exchangeId()).get(10, TimeUnit.SECONDS);
            StageEvent error = x.events().stream().filter(e -> e.stage() == Stage.PARSE && e.phase() == Phase.ERROR).findFirst()
                    .orElseThrow(() -> new AssertionError("no parse error for " + raw));
            assertThat(error.phrase().key()).as(raw).isEqualTo("server.malformed");
            Phrase why = (Phrase) error.phrase().args().get(0);
            // the wire and the recording: the same English, in every language the app speaks
            String body = new String(x.response().orElseThrow().body(), StandardCharsets.UTF_8);
            assertThat(body).as(raw).endsWith(": " + why.english());
            assertThat(error.detail()).as(raw).isEqualTo("malformed request: " + why.english());
            said.add(why);
        }
        for (String raw : CHUNK_LINES) {
            RequestFraming framing = new RequestFraming();
            framing.feed(io.netty.buffer.Unpooled.wrappedBuffer(raw.getBytes(StandardCharsets.ISO_8859_1)));
            said.add(java.util.Objects.requireNonNull(framing.next().chunkProblem(), raw));
        }
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @Test
    void everyReasonTheServerHasIsSentHere() throws Exception {
        assertThat(said).as("a reason is a server.problem key").allMatch(p -> p.key().startsWith("server.problem."));
        Set<String> keys = new TreeSet<>();
        for (Phrase p : said) keysIn(p, keys);
        for (Phrase p : CONSTANT) keysIn(p, keys);
        Set<String> bundle = new TreeSet<>();
        for (String k : Texts.bundle(Locale.ENGLISH, "dev.roundtrip.server.Texts").keySet()) {
            if (k.startsWith("server.problem.") || k.startsWith("server.quote")) bundle.add(k);
        }
        assertThat(keys).containsAll(bundle);
    }

    @Test
    void eachReasonIsSaidInEachLanguageWithWhatWasSentAsItWas() {
        List<Phrase> all = new java.util.ArrayList<>(said);
        all.addAll(CONSTANT);
        for (int b = 0; b < 0x20; b++) all.add(RequestTarget.name(b));
        all.add(RequestTarget.name(0x7f));
        for (Phrase why : all) translated(why);
    }

    @Test
    void theDiagramSaysItInTheLanguageInUseAndTheWireInEnglish() throws Exception {
        Phrase why = said.get(REFUSED.indexOf("GET /a#b HTTP/1.1\r\nHost: x\r\n\r\n"));
        assertThat(why.english()).isEqualTo("'#' at offset 2 of the request target '/a#b': a fragment stays with the client and is never sent"
                + " (RFC 9112 §3.2); send a '#' as %23");
        assertThat(why.in(Locale.GERMAN)).isEqualTo("'#' an Offset 2 des Anfrageziels '/a#b': ein Fragment bleibt beim Client und wird nie gesendet"
                + " (RFC 9112 §3.2); ein '#' als %23 senden");
        Phrase escaped = said.get(0);
        assertThat(escaped.in(Locale.FRENCH)).isEqualTo("un octet ESC (0x1b) à la position 2 de la cible de la requête '/a\\x1bb' :"
                + " les octets de contrôle sont interdits dans une cible de requête");
        Phrase cut = said.get(1);
        assertThat(cut.in(Texts.SPANISH)).contains("'/" + "a".repeat(59) + "…' (82 caracteres)").startsWith("un byte BEL (0x07) en la posición 81 ");
    }

    @Test
    void theCodecsCommonWordsAreOurOwnKeysWithNettysEnglishOnTheWire() {
        Phrase line = said.get(REFUSED.indexOf("GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n"));
        assertThat(line.key()).isEqualTo("server.problem.codecLineTooLong");
        assertThat(line.english()).isEqualTo("An HTTP line is larger than 4096 bytes.");
        assertThat(line.in(Locale.GERMAN)).isEqualTo("eine Zeile der Anfrage ist länger als 4096 Bytes");
        Phrase name = said.get(REFUSED.indexOf("GET / HTTP/1.1\r\nHost: x\r\nBad Name: y\r\n\r\n"));
        assertThat(name.english()).isEqualTo("a header name can only contain \"token\" characters, but found invalid character 0x20 at index 3 of header 'Bad Name'.");
        assertThat(name.in(Locale.FRENCH)).isEqualTo("un nom d'en-tête ne peut contenir que des caractères « token », mais contient le caractère 0x20"
                + " à la position 3 de l'en-tête 'Bad Name'");
        // a message the codec may say in a later version is still quoted as it is, in English
        assertThat(CodecWords.of("something new\u001b").in(Locale.GERMAN)).isEqualTo("laut Netty-Decoder: something new\\x1b");
    }

    private static void keysIn(Phrase p, Set<String> keys) {
        keys.add(p.key());
        for (Object a : p.args()) {
            if (a instanceof Phrase inner) keysIn(inner, keys);
        }
    }

    /** {@code why} and every phrase inside it differ from the English in each other language (what was sent is quoted as sent). */
    private static void translated(Phrase why) {
        if (why.key().equals("server.quote")) return;
        for (Locale l : Texts.LANGUAGES.subList(1, Texts.LANGUAGES.size())) {
            assertThat(why.in(l)).as(why.key() + " in " + l).isNotEqualTo(why.english());
        }
        for (Object a : why.args()) {
            if (a instanceof Phrase p) translated(p);
        }
    }
}
