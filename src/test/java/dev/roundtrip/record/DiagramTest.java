package dev.roundtrip.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.trace.Exchange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DiagramTest {
    private static final Recording SESSION = SampleRecordings.session();
    private static final Pattern ENTITY = Pattern.compile("#\\d+;");

    private static Exchange exchange(long id) {
        return SESSION.exchange(id).orElseThrow();
    }

    /** What Mermaid's lexer would trip over: stray ; or #, an unbalanced rect/end or activation. */
    private static void assertWellFormedMermaid(String m) {
        List<String> lines = m.lines().toList();
        assertThat(lines.get(0)).isEqualTo("sequenceDiagram");
        assertThat(lines.subList(1, 6)).containsExactly(
                "    participant C as Client", "    participant CK as Client kernel", "    participant SK as Server kernel",
                "    participant S as Server", "    participant DB as Database");
        int open = 0;
        Map<String, Integer> active = new HashMap<>();
        for (String raw : lines.subList(6, lines.size())) {
            String line = raw.strip();
            if (line.startsWith("rect ")) {
                open++;
                continue;
            }
            if (line.equals("end")) {
                open--;
                assertThat(open).as("an end without rect").isGreaterThanOrEqualTo(0);
                continue;
            }
            if (line.startsWith("activate ")) {
                active.merge(line.substring(9), 1, Integer::sum);
                continue;
            }
            if (line.startsWith("deactivate ")) {
                int n = active.merge(line.substring(11), -1, Integer::sum);
                assertThat(n).as("deactivating an inactive participant: %s", raw).isGreaterThanOrEqualTo(0);
                continue;
            }
            assertThat(line).matches("(Note (left of|right of|over) [A-Z]+(,[A-Z]+)?|[A-Z]+(->>|-->>|--x)[A-Z]+): .+");
            String text = ENTITY.matcher(line.substring(line.indexOf(": ") + 2)).replaceAll("");
            assertThat(text).as("unescaped ; or # in %s", raw).doesNotContain(";", "#", "<", ">");
            assertThat(text).as("the word end in %s", raw).doesNotContainPattern("(?i)\\bend\\b");
        }
        assertThat(open).as("every rect is closed").isZero();
        assertThat(active.values()).as("every activation is closed").allMatch(n -> n == 0);
    }

    private static final int NOPE_REQUEST = "GET /nope HTTP/1.1\r\nHost: 127.0.0.1:43117\r\n\r\n".length();
    private static final int NOPE_RESPONSE = "HTTP/1.1 404 Not Found\r\nContent-Length: 10\r\n\r\nNot found\n".length();
    private static final int USERS_REQUEST = "GET /users/1 HTTP/1.1\r\nHost: 127.0.0.1:43117\r\nUser-Agent: roundtrip\r\n\r\n".length();

    @Test
    void mermaidOfA404() {
        String m = MermaidDiagram.of(exchange(2));
        assertWellFormedMermaid(m);

        assertThat(m).contains("    Note over C,DB: #35;2 GET /nope → 404 Not Found (450 µs)\n");
        assertThat(m).contains("    rect rgb(255, 228, 228)\n");
        assertThat(m).containsSubsequence(
                "C->>CK: send GET /nope (" + NOPE_REQUEST + " bytes)", "CK->>SK: " + NOPE_REQUEST + " bytes over loopback", "Note left of C: send 29 µs",
                "SK->>S: parse", "activate S", "Note right of S: parse 100 µs", "deactivate S",
                "S->>S: process", "activate S", "Note right of S: process 50 µs", "deactivate S",
                "S->>S: respond 404 Not Found", "activate S", "S->>SK: write " + NOPE_RESPONSE + " bytes", "deactivate S", "SK-->>CK: " + NOPE_RESPONSE + " bytes over loopback",
                "CK-->>C: interpret 404 Not Found", "Note left of C: interpret 50 µs",
                "Note over C: ERROR 404 Not Found", "    end\n");
    }

    @Test
    void mermaidOfACancelledExchangeShowsWhereTheClientLeft() {
        String m = MermaidDiagram.of(exchange(4));
        assertWellFormedMermaid(m);

        assertThat(m).containsSubsequence(
                "C->>CK: send GET /slow?ms=5000", "SK->>S: parse", "activate S",
                "S->>S: process: sleeping 5000 ms", "activate S", "Note right of S: process 5 s", "deactivate S",
                "Note over C: ERROR CANCELLED: the client left before the answer after 1 s",
                "S->>S: respond", "activate S", "S->>SK: write the response", "Note right of S: ERROR in respond 100 µs: connection reset by peer: the client is gone",
                "SK--xCK: response not delivered: the client has left");
        assertThat(m).doesNotContain("CK-->>C");
        assertThat(m).contains("rect rgb(255, 228, 228)");
    }

    @Test
    void mermaidEscapesEndSemicolonsAndHashes() {
        String m = MermaidDiagram.of(exchange(6));
        assertWellFormedMermaid(m);

        assertThat(m).contains("C->>CK: send GET /#101;nd#59;a=1#35;x:y?q=#101;nd#37;20now");
        assertThat(m).contains("Note right of S: ERROR in process 1 µs: #101;nd of story#59; boom #35; here: failed");
        assertThat(MermaidDiagram.escape("END of the Endless end")).isEqualTo("#69;ND of the Endless #101;nd");
        assertThat(MermaidDiagram.escape("a\nb")).isEqualTo("a b");
    }

    @Test
    void mermaidOfAWholeRecordingHasEveryExchangeAndTheSqlCalls() {
        String m = MermaidDiagram.of(SESSION);
        assertWellFormedMermaid(m);
        for (Exchange x : SESSION.exchanges()) assertThat(m).contains("Note over C,DB: #35;" + x.id() + " ");
        assertThat(m).containsSubsequence("S->>S: process: route GET /users/#123;id#125;", "activate S", "S->>DB: SELECT id, name FROM users WHERE id = ?", "DB-->>S: 1 row in 812 µs");
        assertThat(m).contains("Note over SK: held before parse: rx queue " + USERS_REQUEST + " bytes");
        assertThat(m).contains("Note over C: still under way when recorded");
    }

    @Test
    void plantUmlOfA404AndACancelledExchange() {
        String p = PlantUmlDiagram.render(SequenceScript.of(List.of(exchange(2), exchange(4))));
        List<String> lines = p.lines().toList();
        assertThat(lines.get(0)).isEqualTo("@startuml");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("@enduml");
        assertThat(lines).contains("participant \"Client\" as C", "participant \"Client kernel\" as CK",
                "participant \"Server kernel\" as SK", "participant \"Server\" as S", "database \"Database\" as DB");
        assertThat(p).containsSubsequence(
                "== #2 GET /nope → 404 Not Found (450 µs) ==", "group ERROR",
                "C -> CK : send GET /nope (" + NOPE_REQUEST + " bytes)", "activate S", "deactivate S", "SK --> CK : " + NOPE_RESPONSE + " bytes over loopback",
                "CK --> C : interpret 404 Not Found", "note over C #FFAAAA : ERROR 404 Not Found", "end",
                "== #4 GET /slow?ms=5000 → CANCELLED", "group ERROR",
                "note over C #FFAAAA : ERROR CANCELLED: the client left before the answer after 1 s",
                "SK ->x CK : response not delivered: the client has left", "end");
        assertThat(lines.stream().filter(l -> l.strip().startsWith("activate")).count())
                .isEqualTo(lines.stream().filter(l -> l.strip().startsWith("deactivate")).count());
        assertThat(lines.stream().filter(l -> l.startsWith("group")).count())
                .isEqualTo(lines.stream().filter(l -> l.equals("end")).count());
    }

    @Test
    void plantUmlEscapesCreole() {
        assertThat(PlantUmlDiagram.escape("GET //a**b <b>x</b> ~ \\n")).isEqualTo("GET ~//a~**b ~<b>x~</b> ~~ ~\\n");
        String p = PlantUmlDiagram.of(exchange(6));
        assertThat(p).contains("C -> CK : send GET /end;a=1#x:y?q=end%20now");
    }

    @Test
    void anImportedHarDrawsOnlyWhatItMeasured() throws Exception {
        Recording har;
        try (var in = getClass().getResourceAsStream("/har/chrome-style.har")) {
            har = HarImport.read(in.readAllBytes(), "chrome-style.har");
        }
        String m = MermaidDiagram.of(har.exchanges().get(0));
        assertWellFormedMermaid(m);
        assertThat(m).contains("Note over SK,S: waited 3.65 ms (server and network not measured apart)");
        assertThat(m).doesNotContain("activate S", "parse", "process", "respond");
    }

    @Test
    void aBigSessionIsSplitIntoMermaidDiagramsMermaidDraws() {
        Recording big = SampleRecordings.crowded(120, 27_600, 200);
        List<String> parts = MermaidDiagram.parts(big.exchanges(), MermaidDiagram.MAX_TEXT);

        assertThat(parts).hasSizeGreaterThan(1);
        List<String> sections = new java.util.ArrayList<>();
        Pattern section = Pattern.compile("^    Note over C,DB: #35;(\\d+) GET /search.*");
        for (String part : parts) {
            assertThat(part.length()).as("a part's size").isLessThanOrEqualTo(MermaidDiagram.MAX_TEXT);
            assertWellFormedMermaid(part);
            part.lines().map(section::matcher).filter(java.util.regex.Matcher::matches).forEach(m -> sections.add(m.group(1)));
        }
        assertThat(sections).as("every exchange once, in order")
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, 120).mapToObj(Integer::toString).toList());
        String first = parts.get(0);
        assertThat(first.lines()).allMatch(l -> l.length() < 400, "no label longer than a diagram draws");
        assertThat(first).contains("(27,6").contains("188 more SQL calls not drawn");
        long exchangesInFirst = first.lines().filter(l -> section.matcher(l).matches()).count();
        assertThat(first.lines().filter(l -> l.contains("->>DB:")).count()).as("SQL calls drawn per exchange")
                .isEqualTo(SequenceScript.MAX_SQL_CALLS * exchangesInFirst);
    }

    @Test
    void aSmallSessionIsOneMermaidDiagram() {
        assertThat(MermaidDiagram.parts(SESSION.exchanges(), MermaidDiagram.MAX_TEXT))
                .containsExactly(MermaidDiagram.of(SESSION));
    }

    @Test
    void labelsFromTheNetworkHaveNoControlCharactersInEitherSyntax() {
        String hostile = "/\u001b[2J\u007f\u009b31m\u202eevil\u2028";
        assertThat(MermaidDiagram.escape(hostile)).isEqualTo("/\\x1b[2J\\x7f\\x9b31m\\u202Eevil\\u2028");
        assertThat(PlantUmlDiagram.escape(hostile)).isEqualTo("/~\\x1b[2J~\\x7f~\\x9b31m~\\u202Eevil~\\u2028");
    }

    @Test
    void aLongLabelIsCutAndSaysItsSize() {
        String cut = SequenceScript.label("x".repeat(27_600));
        assertThat(cut).hasSizeLessThanOrEqualTo(SequenceScript.MAX_LABEL).endsWith("… (27,600 characters)");
        assertThat(SequenceScript.label("GET /users/1")).isEqualTo("GET /users/1");
        String pairs = "\uD83D\uDE00".repeat(100);
        assertThat(SequenceScript.label(pairs)).doesNotContain("\uD83D…");
    }
}
