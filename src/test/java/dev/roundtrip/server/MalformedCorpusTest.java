package dev.roundtrip.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.lab.Lab;
import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.Exchange;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every file of {@code src/test/resources/malformed/} over a raw socket: each is answered
 * with the status its name starts with, the connection is closed, and the server goes on serving.
 */
class MalformedCorpusTest {
    private static final Pattern NAME = Pattern.compile("(\\d{3})-[a-z0-9-]+\\.http");
    private static Lab lab;

    @BeforeAll
    static void start() throws Exception {
        lab = Lab.start();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    static Stream<Path> corpus() throws Exception {
        URL dir = MalformedCorpusTest.class.getResource("/malformed");
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".http")).sorted().toList().stream();
        }
    }

    @Test
    void theCorpusIsThereAndEveryFileSaysWhatItExpects() throws Exception {
        List<Path> files = corpus().toList();
        assertThat(files).hasSizeGreaterThanOrEqualTo(40);
        assertThat(files).allSatisfy(p -> assertThat(p.getFileName().toString()).matches(NAME));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isAnsweredWithTheStatusInItsNameAndTheServerKeepsServing(Path file) throws Exception {
        Matcher m = NAME.matcher(file.getFileName().toString());
        assertThat(m.matches()).isTrue();
        int expected = Integer.parseInt(m.group(1));
        RawHttp.Answer answer = RawHttp.send(lab.port(), Files.readAllBytes(file));
        assertThat(answer.timedOut()).as("no answer within %d ms", RawHttp.READ_TIMEOUT_MS).isFalse();
        assertThat(answer.statuses()).as(answer.text()).containsExactly(expected);
        assertThat(answer.closedByServer()).isTrue();
        assertThat(RawHttp.stillServes(lab.port())).isTrue();
    }

    private static String describe(Exchange x) {
        StringBuilder sb = new StringBuilder(x.request().summary());
        x.events().forEach(e -> sb.append("\n  ").append(e.stage()).append(' ').append(e.phase()).append(' ').append(e.actor()).append(": ").append(e.detail()));
        x.end().ifPresent(e -> sb.append("\n  end ").append(e.outcome()).append(": ").append(e.detail()));
        return sb.toString();
    }

    @Test
    void afterTheWholeCorpusTheRecordingHasNoLooseEnds() throws Exception {
        for (Path file : corpus().toList()) RawHttp.send(lab.port(), Files.readAllBytes(file));
        lab.bus().awaitDelivered(Duration.ofSeconds(10));
        Recording r = lab.recording();
        assertThat(r.orphans()).isZero();
        assertThat(r.dropped()).isZero();
        assertThat(r.exchanges()).isNotEmpty().allSatisfy(x -> {
            assertThat(x.end()).as("exchange %d ended: %s", x.id(), describe(x)).isPresent();
            assertThat(x.response()).as("exchange %d answered: %s", x.id(), describe(x)).isPresent();
        });
        assertThat(r.exchanges()).extracting(Exchange::id).doesNotHaveDuplicates();
    }
}
