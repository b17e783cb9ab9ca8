package dev.roundtrip.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.lab.Lab;
import dev.roundtrip.lab.LabOptions;
import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.Exchange;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Mutated and random requests over real sockets to one server (jqwik, a bounded number of tries):
 * each is answered with statuses below 500 (a 4xx, or a 2xx/3xx/404 when the mutation left a valid
 * request) or the connection is closed; nothing hangs; a plain {@code GET /} still succeeds after
 * each; every exchange the server saw is ended in the recording, and no fact is an orphan.
 */
class RequestFuzzTest {
    private static Lab lab;

    /** Valid requests to start from (no route that sleeps or fails on purpose). */
    static final List<String> SEEDS = List.of(
            "GET / HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /users/1 HTTP/1.1\r\nHost: localhost:8080\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n\r\n",
            "HEAD / HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /users HTTP/1.0\r\n\r\n",
            "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 11\r\n\r\nhello world",
            "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n",
            "GET /big?kb=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\n\r\nGET /users/2 HTTP/1.1\r\nHost: x\r\n\r\n");

    static final List<String> BAD_NUMBERS = List.of("99999999999999999999", "-1", "-0", "1e9", "0x10", "18446744073709551616",
            " 5 ", "5, 5", "", "+3", "2147483648", "9223372036854775807", "00000000000000000003");

    static final List<String> BAD_CHUNK_SIZES = List.of("zz", "-5", "ffffffffffffffffff", "5;ext=\"unterminated", "", " ", "0x5", "100000000");

    @BeforeContainer
    static void start() throws Exception {
        // kernel readouts off: they measure, they do not parse; the codec and handlers are the same
        lab = Lab.start(LabOptions.defaults().withKernelReadouts(false));
    }

    @AfterContainer
    static void stop() {
        if (lab != null) lab.close();
    }

    /** One change to a request. {@code where} picks the place (0..1 of the length), {@code b} and {@code n} the content. */
    record Mutation(int kind, double where, byte b, int n) {
        byte[] apply(byte[] in) {
            int at = (int) Math.min(in.length, Math.floor(where * (in.length + 1)));
            String s = new String(in, StandardCharsets.ISO_8859_1);
            switch (kind) {
                case 0: // flip bits of one byte
                    if (in.length == 0) return in;
                    byte[] f = in.clone();
                    f[Math.min(at, in.length - 1)] ^= b == 0 ? 1 : b;
                    return f;
                case 1: // insert a byte
                    return splice(in, at, 0, new byte[] {b});
                case 2: // delete a few bytes
                    return splice(in, at, Math.min(in.length - at, 1 + n % 4), new byte[0]);
                case 3: { // duplicate a CRLF
                    int crlf = s.indexOf("\r\n", at);
                    return crlf < 0 ? in : splice(in, crlf, 0, bytes("\r\n"));
                }
                case 4: { // remove a CRLF (or just its CR or LF)
                    int crlf = s.indexOf("\r\n", at);
                    if (crlf < 0) return in;
                    return splice(in, crlf + (n % 3 == 2 ? 1 : 0), n % 3 == 0 ? 2 : 1, new byte[0]);
                }
                case 5: // a Content-Length no one should believe
                    return bytes(s.replaceFirst("(?i)(Content-Length:)[^\r\n]*", "$1 " + BAD_NUMBERS.get(Math.abs(n) % BAD_NUMBERS.size())));
                case 6: { // chunked with a bad size
                    String head = s.contains("\r\n\r\n") ? s.substring(0, s.indexOf("\r\n\r\n")) : s;
                    return bytes(head + "\r\nTransfer-Encoding: chunked\r\n\r\n" + BAD_CHUNK_SIZES.get(Math.abs(n) % BAD_CHUNK_SIZES.size())
                            + "\r\nhello\r\n0\r\n\r\n");
                }
                case 7: // a NUL byte
                    return splice(in, at, 0, new byte[] {0});
                case 8: { // non-ASCII in the method, the target or a header name
                    int[] places = {0, Math.max(0, s.indexOf(' ') + 2), Math.max(0, s.indexOf("\r\n") + 3)};
                    int p = Math.min(in.length, places[Math.abs(n) % places.length]);
                    return splice(in, p, 0, new byte[] {(byte) 0xC3, (byte) (0x80 | (b & 0x3F))});
                }
                case 9: { // a very long token
                    byte[] run = new byte[100 + Math.abs(n) % 20_000];
                    java.util.Arrays.fill(run, (byte) ('A' + Math.abs(b) % 26));
                    return splice(in, at, 0, run);
                }
                default: // cut short
                    return java.util.Arrays.copyOf(in, at);
            }
        }

        private static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(in, 0, at);
            out.write(insert, 0, insert.length);
            out.write(in, at + remove, in.length - at - remove);
            return out.toByteArray();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Provide
    Arbitrary<byte[]> mutatedRequests() {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, 10), Arbitraries.doubles().between(0, 1),
                Arbitraries.bytes(), Arbitraries.integers().between(0, 1_000_000)).as(Mutation::new);
        return Combinators.combine(Arbitraries.of(SEEDS), mutation.list().ofMinSize(1).ofMaxSize(4)).as((seed, changes) -> {
            byte[] b = bytes(seed);
            for (Mutation m : changes) b = m.apply(b);
            return b;
        });
    }

    @Provide
    Arbitrary<byte[]> randomBytes() {
        Arbitrary<byte[]> anyBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(3000);
        Arbitrary<byte[]> textLike = Arbitraries.strings().withChars("GETPOSHAD /:HTP1.0\r\n-=?&%abcxyz0123456789\t")
                .ofMaxLength(600).map(RequestFuzzTest::bytes);
        return Arbitraries.oneOf(anyBytes, textLike);
    }

    @Property(tries = 300, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    void aMutatedRequestIsAnsweredBelow500OrClosedAndTheServerKeepsServing(@ForAll("mutatedRequests") byte[] request) throws Exception {
        sendAndCheck(request);
        // mutations must both break requests and sometimes leave them valid
        Statistics.label("answer").coverage(c -> {
            c.check("4xx").percentage(p -> p >= 30);
            c.check("valid").count(n -> n >= 1);
        });
    }

    @Property(tries = 120, shrinking = ShrinkingMode.BOUNDED)
    void randomBytesAreAnsweredBelow500OrClosedAndTheServerKeepsServing(@ForAll("randomBytes") byte[] request) throws Exception {
        sendAndCheck(request);
    }

    /** RFC 9112 §3.2 origin-form, written independently of the server's check: the oracle for random targets. */
    static final java.util.regex.Pattern VALID_TARGET = java.util.regex.Pattern.compile("/([A-Za-z0-9._~!$&'()*+,;=:@/?-]|%[0-9A-Fa-f]{2})*");

    /** RFC 9112 §7.1.1 chunk-ext, written as a regular expression: the oracle for random extensions. */
    static final java.util.regex.Pattern VALID_EXTENSIONS = java.util.regex.Pattern.compile(
            "([ \\t]*;[ \\t]*[!#$%&'*+.^_`|~0-9A-Za-z-]+([ \\t]*=[ \\t]*([!#$%&'*+.^_`|~0-9A-Za-z-]+"
                    + "|\"([\\t \\x21\\x23-\\x5b\\x5d-\\x7e\\x80-\\xff]|\\\\[\\t \\x21-\\x7e\\x80-\\xff])*\"))?)*");

    /** Bytes for a target or an extension: mostly the ones that belong there, now and then any byte at all. */
    private static Arbitrary<String> mostly(String usual, int maxLength) {
        Arbitrary<Character> any = Arbitraries.integers().between(0, 255).map(i -> (char) (int) i);
        Arbitrary<Character> fitting = Arbitraries.of(usual.chars().mapToObj(c -> (char) c).toArray(Character[]::new));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(12, fitting), net.jqwik.api.Tuple.of(1, any))
                .list().ofMaxSize(maxLength).map(cs -> {
                    StringBuilder sb = new StringBuilder();
                    cs.forEach(sb::append);
                    return sb.toString();
                });
    }

    @Provide
    Arbitrary<String> randomTargets() {
        return mostly("abcz019/?=&%._~-!$'()*+,;:@", 30).map(t -> "/" + t);
    }

    @Provide
    Arbitrary<String> randomChunkExtensions() {
        // random bytes are well formed about 8 % of the time: a fifth of well-formed ones keep both sides covered
        // (150 random tries once gave 4 valid ones against the 5 the coverage check asks)
        Arbitrary<String> token = Arbitraries.strings().withChars("abcz019-!#").ofMinLength(1).ofMaxLength(5);
        Arbitrary<String> one = Combinators.combine(token, token, Arbitraries.of(true, false))
                .as((name, value, withValue) -> ";" + name + (withValue ? "=" + value : ""));
        Arbitrary<String> wellFormed = one.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("", l));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, mostly(";= \t\"\\abcz019-!#", 24)), net.jqwik.api.Tuple.of(1, wellFormed));
    }

    @Property(tries = 150, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.MIXIN)
    void aTargetOfRandomBytesIs400WhenRfc9112RefusesItAndNever5xx(@ForAll("randomTargets") String target) throws Exception {
        byte[] request = bytes("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        List<Integer> statuses = sendAndCheck(request);
        boolean valid = VALID_TARGET.matcher(target).matches();
        Statistics.label("target").collect(valid ? "valid" : "invalid");
        if (!valid) assertThat(statuses).as("answer to target %s", dev.roundtrip.text.Printable.escape(target)).containsExactly(400);
        Statistics.label("target").coverage(c -> {
            c.check("valid").count(n -> n >= 5);
            c.check("invalid").count(n -> n >= 20);
        });
    }

    @Property(tries = 150, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.MIXIN)
    void aChunkExtensionOfRandomBytesIs400WhenRfc9112RefusesItAndNever5xx(@ForAll("randomChunkExtensions") String ext) throws Exception {
        byte[] request = bytes("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5" + ext + "\r\nhello\r\n0\r\n\r\n");
        List<Integer> statuses = sendAndCheck(request);
        boolean valid = VALID_EXTENSIONS.matcher(ext).matches();
        Statistics.label("extension").collect(valid ? "valid" : "invalid");
        if (!valid) assertThat(statuses).as("answer to extension %s", dev.roundtrip.text.Printable.escape(ext)).containsExactly(400);
        Statistics.label("extension").coverage(c -> {
            c.check("valid").count(n -> n >= 5);
            c.check("invalid").count(n -> n >= 20);
        });
    }

    private static List<Integer> sendAndCheck(byte[] request) throws Exception {
        long before = lab.recording().exchanges().size();
        RawHttp.Answer a = RawHttp.send(lab.port(), request);
        String sent = new String(request, 0, Math.min(request.length, 300), StandardCharsets.ISO_8859_1);
        assertThat(a.timedOut()).as("no answer and no close within %d ms for %s", RawHttp.READ_TIMEOUT_MS, sent).isFalse();
        List<Integer> statuses = a.statuses();
        Statistics.label("answer").collect(statuses.isEmpty() ? "closed" : statuses.get(0) < 400 ? "valid" : "4xx");
        assertThat(statuses).as("answer to %s", sent).allSatisfy(s -> assertThat(s).isBetween(200, 499));
        if (statuses.isEmpty()) assertThat(a.bytes()).as("an answer that is not HTTP, to %s", sent).isEmpty();
        assertThat(RawHttp.stillServes(lab.port())).as("GET / after %s", sent).isTrue();
        lab.bus().awaitDelivered(Duration.ofSeconds(10));
        Recording r = lab.recording();
        assertThat(r.orphans()).isZero();
        List<Exchange> all = r.exchanges();
        assertThat(all.subList((int) before, all.size())).allSatisfy(x ->
                assertThat(x.end()).as("exchange %d of %s ended", x.id(), sent).isPresent());
        return statuses;
    }
}
