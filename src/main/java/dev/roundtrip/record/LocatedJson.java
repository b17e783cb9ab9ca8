package dev.roundtrip.record;

import dev.roundtrip.trace.Phrase;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A value of a Jackson tree ({@link JsonNode}) that knows the way to it from the root, for a reader
 * of free-form files (HAR) that checks them value by value. Its accessors say what they expect;
 * when the value is not that, the {@link RecordingFormatException} names its JSON path and, found
 * then by {@link JsonLocator}, its line and column. A field that is not there is a "missing" value,
 * reported at the object that lacks it.
 */
final class LocatedJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MISSING = "nothing (the field is missing)";

    private final JsonSource source;
    private final LocatedJson parent;
    private final String field; // in the parent object, or null
    private final int index; // in the parent array, or -1
    private final JsonNode node; // null when missing

    private LocatedJson(JsonSource source, LocatedJson parent, String field, int index, JsonNode node) {
        this.source = source;
        this.parent = parent;
        this.field = field;
        this.index = index;
        this.node = node;
    }

    /** Parses the whole file into a tree; a field given twice is refused. */
    static LocatedJson parse(JsonSource source) throws RecordingFormatException {
        JsonParser p = null;
        try {
            p = source.strictParser();
            source.firstToken(p);
            JsonNode root = MAPPER.readTree(p); // from the current token on
            if (p.nextToken() != null) {
                throw source.error(p.currentTokenLocation(), null, Phrase.of("record.afterEnd"));
            }
            return new LocatedJson(source, null, null, -1, root);
        } catch (IOException e) {
            throw source.syntaxError(e, p);
        } finally {
            try {
                if (p != null) p.close();
            } catch (IOException ignored) {
                // a parser over a byte array has nothing to release
            }
        }
    }

    JsonSource source() { return source; }

    /** The Jackson node; null when missing. */
    JsonNode json() { return node; }

    /** Missing or null: "not there" either way. */
    boolean isAbsent() { return node == null || node.isNull(); }
    boolean isObject() { return node != null && node.isObject(); }
    boolean isArray() { return node != null && node.isArray(); }
    boolean isString() { return node != null && node.isTextual(); }
    boolean isNumber() { return node != null && node.isNumber(); }

    /** The field of this object, or a missing value standing for it. */
    LocatedJson get(String name) throws RecordingFormatException {
        expectObject("an object");
        return new LocatedJson(source, this, name, -1, node.get(name));
    }

    /** This is an object with {@code name} set to something other than null. */
    boolean has(String name) {
        return isObject() && node.hasNonNull(name);
    }

    List<LocatedJson> elements() throws RecordingFormatException {
        if (!isArray()) throw fail("an array");
        List<LocatedJson> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) out.add(new LocatedJson(source, this, null, i, node.get(i)));
        return out;
    }

    /** The elements, or none when the value is missing or null. */
    List<LocatedJson> elementsOrEmpty() throws RecordingFormatException {
        return isAbsent() ? List.of() : elements();
    }

    void expectObject(String what) throws RecordingFormatException {
        if (!isObject()) throw fail(what);
    }

    void expectObject(Phrase what) throws RecordingFormatException {
        if (!isObject()) throw fail(what);
    }

    String string() throws RecordingFormatException {
        if (!isString()) throw fail("a string");
        return node.textValue();
    }

    /** Any scalar as text (HAR writers disagree on whether some fields are numbers or strings). */
    String scalarText(String fallback) {
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : fallback;
    }

    long longValue() throws RecordingFormatException {
        if (node == null || !node.isIntegralNumber()) throw fail("an integer");
        if (!node.canConvertToLong()) throw fail("an integer within 64 bits");
        return node.longValue();
    }

    int intValue() throws RecordingFormatException {
        long v = longValue();
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw fail("an integer within 32 bits");
        return (int) v;
    }

    long nonNegativeLong() throws RecordingFormatException {
        long v = longValue();
        if (v < 0) throw fail("a number >= 0");
        return v;
    }

    double doubleValue() throws RecordingFormatException {
        if (!isNumber()) throw fail("a number");
        return node.doubleValue();
    }

    double doubleOr(double fallback) throws RecordingFormatException {
        return isAbsent() ? fallback : doubleValue();
    }

    byte[] base64() throws RecordingFormatException {
        String s = string();
        try {
            return FileChecks.base64(s);
        } catch (IllegalArgumentException e) {
            throw fail(Phrase.of("record.base64", String.valueOf(e.getMessage())));
        }
    }

    /** An error at this value: "expected {what}, found {this value}". */
    RecordingFormatException fail(String expected) {
        return source.error(pointer(), path(), ProblemWords.expectedFound(expected, found()));
    }

    /** The same, what was expected said as a phrase. */
    RecordingFormatException fail(Phrase expected) {
        return source.error(pointer(), path(), Phrase.of("record.expectedFound", expected, ProblemWords.found(found())));
    }

    /** An error at this value (at its object when it is missing), with a problem of its own. */
    RecordingFormatException at(Phrase problem) {
        return source.error(pointer(), path(), problem);
    }

    /** A warning about this value, placed like {@link #at} (a second pass over the file to find its line). */
    RecordingWarning warning(Phrase problem) {
        return RecordingWarning.of(at(problem));
    }

    /** A warning that names this value's path but not its line (no second pass). */
    RecordingWarning warningByPath(Phrase problem) {
        return new RecordingWarning(source.file(), 0, 0, path(), problem);
    }

    /** The JSON Pointer of this value in the file, e.g. {@code /log/entries/3/request}. */
    JsonPointer pointer() {
        if (parent == null) return JsonPointer.empty();
        JsonPointer p = parent.pointer();
        return field != null ? p.appendProperty(field) : p.appendIndex(index);
    }

    /** The JSON path as messages show it, e.g. {@code log.entries[3].request}; empty for the root. */
    String path() {
        if (parent == null) return "";
        return JsonSource.join(parent.path(), field != null ? "." + field : "[" + index + "]");
    }

    private String found() {
        if (node == null) return MISSING;
        if (node.isNull()) return "null";
        if (node.isObject()) return "an object";
        if (node.isArray()) return "an array";
        if (node.isTextual()) return JsonSource.quote(node.textValue());
        return node.asText(); // numbers, true, false
    }
}
