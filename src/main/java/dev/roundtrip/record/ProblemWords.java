package dev.roundtrip.record;

import dev.roundtrip.trace.Phrase;
import java.util.Map;

/**
 * The words of a corrupt file's message as phrases, so the message reads in the language in use
 * while the English one stays exactly as before (tests, the CLI's {@code --json}, bug reports). The
 * readers say what they expected in English ("an integer"); the common descriptions have a key here,
 * a rarer one stays English inside the translated sentence.
 */
final class ProblemWords {
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("an object", "record.anObject"),
            Map.entry("an array", "record.anArray"),
            Map.entry("a string", "record.aString"),
            Map.entry("a number", "record.aNumber"),
            Map.entry("a number >= 0", "record.aNumberAtLeast0"),
            Map.entry("an integer", "record.anInteger"),
            Map.entry("an integer >= 0", "record.anIntegerAtLeast0"),
            Map.entry("an integer within 64 bits", "record.anInteger64"),
            Map.entry("an integer within 32 bits", "record.anInteger32"),
            Map.entry("true or false", "record.trueOrFalse"),
            Map.entry("a time >= 0 (ns since the recording began)", "record.aTime"),
            Map.entry(RecordingReader.INSTANT, "record.anInstant"),
            Map.entry("an ISO 8601 date and time like 2024-05-01T10:15:30.123Z", "record.aDateTime"),
            Map.entry("an HTTP status from 100 to 999", "record.aStatus"),
            Map.entry("an HTTP status from 100 to 999, or 0 for no response", "record.aStatusOr0"),
            Map.entry("an absolute URL such as https://example.com/path", "record.anUrl"));
    private static final Map<String, String> FOUND = Map.of(
            "an object", "record.foundObject",
            "an array", "record.foundArray",
            "nothing", "record.foundNothing",
            RecordingReader.MISSING, "record.foundMissing");

    private ProblemWords() {}

    /** "expected {expected}, found {found}", each part in words where it has a key. */
    static Phrase expectedFound(String expected, String found) {
        return Phrase.of("record.expectedFound", expected(expected), found(found));
    }

    static Object expected(String english) {
        String key = EXPECTED.get(english);
        if (key != null) return Phrase.of(key);
        if (english.startsWith("one of ")) return Phrase.of("record.oneOf", english.substring("one of ".length()));
        return english;
    }

    static Object found(String english) {
        String key = FOUND.get(english);
        return key != null ? Phrase.of(key) : english; // a value as written: "sned", 42, null
    }
}
