package dev.roundtrip.record;

import dev.roundtrip.trace.Phrase;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The top-level {@code format} and {@code version}, checked before anything else is read. They
 * come first in every file Roundtrip writes, so the scan usually reads two fields and stops; in
 * any other file it skips through the top level to find them (or "log", a HAR's).
 */
final class RecordingHeader {
    private boolean object;
    private JsonLocation rootAt;
    private String rootFound;
    private Value format;
    private Value version;
    private boolean log;

    /** One top-level value as the check needs it. */
    private record Value(JsonToken token, String text, boolean bigInteger, long number, String found, JsonLocation at) {}

    /**
     * Reads the top level of the file with a parser of its own.
     *
     * @param wholeFile read to the end (so any syntax error is reported) instead of stopping once
     *     {@code format} and {@code version} are known
     */
    static RecordingHeader scan(JsonSource source, boolean wholeFile) throws RecordingFormatException {
        RecordingHeader h = new RecordingHeader();
        JsonParser p = null;
        try {
            p = source.parser();
            JsonToken t = source.firstToken(p);
            h.rootAt = p.currentTokenLocation();
            h.object = t == JsonToken.START_OBJECT;
            h.rootFound = JsonSource.found(p);
            if (h.object) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String f = p.currentName();
                    JsonToken v = p.nextToken();
                    boolean twice = f.equals("format") ? h.format != null : f.equals("version") && h.version != null;
                    if (twice) throw source.error(p.currentTokenLocation(), f, Phrase.of("record.twice"));
                    if (f.equals("format")) h.format = value(p, v);
                    else if (f.equals("version")) h.version = value(p, v);
                    else if (f.equals("log")) h.log = v != JsonToken.VALUE_NULL;
                    p.skipChildren();
                    if (!wholeFile && h.format != null && h.version != null) return h;
                }
            } else {
                p.skipChildren();
            }
            if (p.nextToken() != null) {
                throw source.error(p.currentTokenLocation(), null, Phrase.of("record.afterEnd"));
            }
            return h;
        } catch (IOException e) {
            throw source.syntaxError(e, p);
        } finally {
            RecordingReader.close(p);
        }
    }

    private static Value value(JsonParser p, JsonToken v) throws IOException {
        boolean integer = v == JsonToken.VALUE_NUMBER_INT;
        boolean big = integer && p.getNumberType() == JsonParser.NumberType.BIG_INTEGER;
        return new Value(v, v == JsonToken.VALUE_STRING ? p.getText() : null, big, integer && !big ? p.getLongValue() : 0,
                JsonSource.found(p), p.currentTokenLocation());
    }

    /** What the file holds: a HAR has a top-level "log" and no "format". */
    RecordingFiles.Kind kind() {
        return isHar() ? RecordingFiles.Kind.HAR : RecordingFiles.Kind.RECORDING;
    }

    private boolean isHar() {
        return object && (format == null || format.token == JsonToken.VALUE_NULL) && log;
    }

    /** The file must say it is a recording of a version this Roundtrip reads. */
    void check(JsonSource source) throws RecordingFormatException {
        if (!object) {
            throw source.error(rootAt, null, Phrase.of("record.notAnObject", Recording.FORMAT, ProblemWords.found(rootFound)));
        }
        if (format == null && log) {
            throw source.error(rootAt, "format", Phrase.of("record.isHar"));
        }
        if (format == null || !Recording.FORMAT.equals(format.text)) {
            throw problem(source, format, "format", Phrase.of("record.theFormat", Recording.FORMAT));
        }
        if (version == null || (version.token != JsonToken.VALUE_NUMBER_INT && version.token != JsonToken.VALUE_NUMBER_FLOAT)) {
            throw problem(source, version, "version", Phrase.of("record.aVersionNumber"));
        }
        if (version.token != JsonToken.VALUE_NUMBER_INT) throw problem(source, version, "version", Phrase.of("record.anInteger"));
        if (version.bigInteger) throw problem(source, version, "version", Phrase.of("record.anInteger64"));
        long v = version.number;
        if (v > Recording.VERSION) {
            throw source.error(version.at, "version", Phrase.of("record.newerVersion", v, Recording.VERSION));
        }
        if (v < 1) throw problem(source, version, "version", Phrase.of("record.aVersionFrom", Recording.VERSION));
    }

    private RecordingFormatException problem(JsonSource source, Value value, String field, Phrase expected) {
        if (value == null) return source.error(rootAt, field, Phrase.of("record.expectedFound", expected, ProblemWords.found(RecordingReader.MISSING)));
        return source.error(value.at, field, Phrase.of("record.expectedFound", expected, ProblemWords.found(value.found)));
    }
}
