package dev.roundtrip.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A JSON document parsed into nodes that remember where they stood in the file (line, column) and
 * their JSON path, so every reader error can say exactly where and what. Jackson's own tree forgets
 * locations, hence this small one. Accessors throw {@link RecordingFormatException} with the
 * expected and the found value.
 */
final class JsonTree {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            // Recorded bodies can be large; the file size limit is the guard, not the string length.
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxDocumentLength(-1)
                    .build())
            .build();

    private static final int SNIFF = 64 * 1024;

    private JsonTree() {}

    enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL, MISSING }

    /**
     * Checks that {@code content} is text and parses it as one JSON value.
     *
     * @param file the name used in error messages
     */
    static Node parse(byte[] content, String file) throws RecordingFormatException {
        rejectBinary(content, file);
        int start = hasUtf8Bom(content) ? 3 : 0;
        if (isBlank(content, start)) throw RecordingFormatException.whole(file, "the file is empty, expected a JSON object");
        Parse p = new Parse(file);
        try (JsonParser parser = FACTORY.createParser(content, start, content.length - start)) {
            JsonToken first = parser.nextToken();
            Node root = p.value(parser, first, null, null, -1);
            JsonToken after = parser.nextToken();
            if (after != null) {
                JsonLocation l = parser.currentTokenLocation();
                throw new RecordingFormatException(file, l.getLineNr(), l.getColumnNr(), null,
                        "unexpected content after the end of the JSON document");
            }
            return root;
        } catch (JsonProcessingException e) {
            if (!isEndOfInput(e)) throw syntaxError(e, p, content, start, file);
            JsonLocation l = e.getLocation();
            String open = p.openPath();
            throw new RecordingFormatException(file, line(l), column(l), null,
                    "the file ends too early (truncated?): "
                            + (open.isEmpty() ? "the JSON document" : open) + " is not closed",
                    e);
        } catch (IOException e) {
            throw new RecordingFormatException(file, 0, 0, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean isEndOfInput(JsonProcessingException e) {
        return e instanceof JsonEOFException || String.valueOf(e.getOriginalMessage()).contains("end-of-input");
    }

    private static RecordingFormatException syntaxError(JsonProcessingException e, Parse p, byte[] content, int start, String file) {
        String why = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
        if (!p.sawAnyToken) {
            // Point at the first character, where a JSON document would have begun.
            int line = 1;
            int col = 1;
            for (int i = start; i < content.length && Character.isWhitespace(content[i]); i++) {
                if (content[i] == '\n') {
                    line++;
                    col = 1;
                } else {
                    col++;
                }
            }
            return new RecordingFormatException(file, line, col, null,
                    "not a JSON file (expected '{' where the document begins): " + why, e);
        }
        JsonLocation l = e.getLocation();
        return new RecordingFormatException(file, line(l), column(l), p.openPath(), "invalid JSON: " + why, e);
    }

    private static int line(JsonLocation l) {
        return l == null ? 0 : Math.max(0, l.getLineNr());
    }

    private static int column(JsonLocation l) {
        return l == null ? 0 : Math.max(0, l.getColumnNr());
    }

    private static boolean hasUtf8Bom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
    }

    private static boolean isBlank(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] != ' ' && b[i] != '\n' && b[i] != '\r' && b[i] != '\t') return false;
        }
        return true;
    }

    /** A NUL byte, a known binary signature or invalid UTF-8 near the start means "not text". */
    static void rejectBinary(byte[] b, String file) throws RecordingFormatException {
        String kind = signature(b);
        if (kind != null) {
            throw RecordingFormatException.whole(file, "is a binary file (" + kind + "), not a JSON recording or HAR");
        }
        int n = Math.min(b.length, SNIFF);
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                throw RecordingFormatException.whole(file,
                        "is a binary file (byte 0x00 at offset " + i + "), not a JSON recording or HAR");
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, 0, n);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(n);
        CoderResult r = utf8.decode(in, out, n == b.length);
        // An underflow at the sniff boundary is a character cut in two, not an error.
        if (r.isError()) {
            throw RecordingFormatException.whole(file, "is a binary file (not UTF-8 text at offset "
                    + in.position() + "), not a JSON recording or HAR");
        }
    }

    private static String signature(byte[] b) {
        if (startsWith(b, 0x89, 'P', 'N', 'G')) return "a PNG image";
        if (startsWith(b, 0x1f, 0x8b)) return "gzip-compressed; unpack it first";
        if (startsWith(b, 'P', 'K', 3, 4)) return "a ZIP archive";
        if (startsWith(b, '%', 'P', 'D', 'F')) return "a PDF document";
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) return "a JPEG image";
        return null;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xff) != prefix[i]) return false;
        return true;
    }

    /** Recursive descent over Jackson's tokens; remembers the open containers for EOF messages. */
    private static final class Parse {
        final String file;
        final List<Node> open = new ArrayList<>();
        boolean sawAnyToken;

        Parse(String file) {
            this.file = file;
        }

        String openPath() {
            return open.isEmpty() ? "" : open.get(open.size() - 1).describePath();
        }

        Node value(JsonParser p, JsonToken t, Node parent, String key, int index) throws IOException, RecordingFormatException {
            if (t == null) throw new JsonEOFException(p, null, "Unexpected end-of-input");
            sawAnyToken = true;
            JsonLocation l = p.currentTokenLocation();
            Node n = new Node(file, parent, key, index, l.getLineNr(), l.getColumnNr());
            switch (t) {
                case START_OBJECT: {
                    Map<String, Node> fields = new LinkedHashMap<>();
                    n.set(Kind.OBJECT, fields, null);
                    open.add(n);
                    JsonToken k;
                    while ((k = p.nextToken()) != JsonToken.END_OBJECT) {
                        if (k == null) throw new JsonEOFException(p, null, "Unexpected end-of-input");
                        String name = p.currentName();
                        if (fields.containsKey(name)) {
                            JsonLocation kl = p.currentTokenLocation();
                            throw new RecordingFormatException(file, kl.getLineNr(), kl.getColumnNr(),
                                    n.childPath(name), "the field appears twice");
                        }
                        fields.put(name, value(p, p.nextToken(), n, name, -1));
                    }
                    open.remove(open.size() - 1);
                    return n;
                }
                case START_ARRAY: {
                    List<Node> items = new ArrayList<>();
                    n.set(Kind.ARRAY, items, null);
                    open.add(n);
                    JsonToken e;
                    while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                        items.add(value(p, e, n, null, items.size()));
                    }
                    open.remove(open.size() - 1);
                    return n;
                }
                case VALUE_STRING:
                    n.set(Kind.STRING, p.getText(), null);
                    return n;
                case VALUE_NUMBER_INT: {
                    String text = p.getText();
                    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) n.set(Kind.NUMBER, new BigInteger(text), text);
                    else n.set(Kind.NUMBER, p.getLongValue(), text);
                    return n;
                }
                case VALUE_NUMBER_FLOAT:
                    n.set(Kind.NUMBER, p.getDoubleValue(), p.getText());
                    return n;
                case VALUE_TRUE:
                case VALUE_FALSE:
                    n.set(Kind.BOOLEAN, t == JsonToken.VALUE_TRUE, null);
                    return n;
                case VALUE_NULL:
                    n.set(Kind.NULL, null, null);
                    return n;
                default:
                    throw new RecordingFormatException(file, l.getLineNr(), l.getColumnNr(), n.describePath(),
                            "unexpected JSON token " + t);
            }
        }
    }

    /** One value in the document, or a MISSING placeholder for an absent field. */
    static final class Node {
        private final String file;
        private final Node parent;
        private final String key;
        private final int index;
        private final int line;
        private final int column;
        private Kind kind = Kind.MISSING;
        private Object value;
        private String numberText;

        private Node(String file, Node parent, String key, int index, int line, int column) {
            this.file = file;
            this.parent = parent;
            this.key = key;
            this.index = index;
            this.line = line;
            this.column = column;
        }

        private void set(Kind kind, Object value, String numberText) {
            this.kind = kind;
            this.value = value;
            this.numberText = numberText;
        }

        Kind kind() { return kind; }
        String file() { return file; }
        int line() { return line; }
        int column() { return column; }

        boolean isMissing() { return kind == Kind.MISSING; }
        boolean isNull() { return kind == Kind.NULL; }
        /** Missing or null: "not there" either way. */
        boolean isAbsent() { return kind == Kind.MISSING || kind == Kind.NULL; }
        boolean isObject() { return kind == Kind.OBJECT; }
        boolean isArray() { return kind == Kind.ARRAY; }
        boolean isString() { return kind == Kind.STRING; }
        boolean isNumber() { return kind == Kind.NUMBER; }

        /** The JSON path, e.g. {@code exchanges[0].events[3].stage}; empty for the root. */
        String path() {
            if (parent == null) return key == null ? "" : key;
            String p = parent.path();
            if (key != null) return p.isEmpty() ? key : p + "." + key;
            return p + "[" + index + "]";
        }

        String describePath() {
            String p = path();
            return p.isEmpty() ? "the top-level value" : p;
        }

        String childPath(String name) {
            String p = path();
            return p.isEmpty() ? name : p + "." + name;
        }

        /** The field, or a MISSING node located at this object (so errors point at the object). */
        Node get(String field) {
            expect(Kind.OBJECT, "an object");
            Node n = fields().get(field);
            if (n != null) return n;
            return new Node(file, this, field, -1, line, column);
        }

        boolean has(String field) {
            return isObject() && fields().containsKey(field) && !fields().get(field).isNull();
        }

        @SuppressWarnings("unchecked")
        Map<String, Node> fields() {
            expect(Kind.OBJECT, "an object");
            return Collections.unmodifiableMap((Map<String, Node>) value);
        }

        /** The elements of an array (anything else is an error). */
        @SuppressWarnings("unchecked")
        List<Node> elements() {
            expect(Kind.ARRAY, "an array");
            return Collections.unmodifiableList((List<Node>) value);
        }

        /** The elements, or none when the field is missing or null. */
        List<Node> elementsOrEmpty() {
            if (isAbsent()) return List.of();
            return elements();
        }

        String string() {
            expect(Kind.STRING, "a string");
            return (String) value;
        }

        String stringOr(String fallback) {
            if (isAbsent()) return fallback;
            return string();
        }

        /** Any scalar as text (HAR writers disagree on whether some fields are numbers or strings). */
        String scalarText(String fallback) {
            switch (kind) {
                case STRING: return (String) value;
                case NUMBER: return numberText;
                case BOOLEAN: return value.toString();
                default: return fallback;
            }
        }

        long longValue() {
            expect(Kind.NUMBER, "an integer");
            if (!(value instanceof Long)) throw fail("an integer within 64 bits");
            return (Long) value;
        }

        Long longOrNull() {
            if (isAbsent()) return null;
            return longValue();
        }

        int intValue() {
            long v = longValue();
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw fail("an integer within 32 bits");
            return (int) v;
        }

        Integer intOrNull() {
            if (isAbsent()) return null;
            return intValue();
        }

        long nonNegativeLong() {
            long v = longValue();
            if (v < 0) throw fail("a number >= 0");
            return v;
        }

        int nonNegativeInt() {
            int v = intValue();
            if (v < 0) throw fail("a number >= 0");
            return v;
        }

        double doubleValue() {
            expect(Kind.NUMBER, "a number");
            return ((Number) value).doubleValue();
        }

        double doubleOr(double fallback) {
            if (isAbsent()) return fallback;
            return doubleValue();
        }

        boolean booleanOr(boolean fallback) {
            if (isAbsent()) return fallback;
            expect(Kind.BOOLEAN, "true or false");
            return (Boolean) value;
        }

        byte[] base64() {
            String s = string();
            try {
                return Base64.getMimeDecoder().decode(s);
            } catch (IllegalArgumentException e) {
                throw fail("base64 data (" + e.getMessage() + ")");
            }
        }

        /** A string that must be one of {@code allowed} (compared case-sensitively). */
        String oneOf(String... allowed) {
            String s = isString() ? (String) value : null;
            if (s != null) for (String a : allowed) if (a.equals(s)) return s;
            throw fail("one of " + String.join("|", allowed));
        }

        void expect(Kind k, String what) {
            if (kind != k) throw fail(what);
        }

        /** An error at this node: "expected {what}, found {this value}". */
        Failure fail(String expected) {
            return at("expected " + expected + ", found " + found());
        }

        /** An error at this node with a free-form problem text. */
        Failure at(String problem) {
            return new Failure(new RecordingFormatException(file, line, column, path(), problem));
        }

        String found() {
            switch (kind) {
                case MISSING: return "nothing (the field is missing)";
                case NULL: return "null";
                case OBJECT: return "an object";
                case ARRAY: return "an array";
                case BOOLEAN: return value.toString();
                case NUMBER: return numberText;
                case STRING: {
                    String s = (String) value;
                    if (s.length() > 40) s = s.substring(0, 40) + "…";
                    return '"' + s.replace("\n", "\\n") + '"';
                }
                default: return kind.name().toLowerCase(Locale.ROOT);
            }
        }
    }

    /**
     * Carries a {@link RecordingFormatException} out of accessor calls, so readers stay readable;
     * the reader's entry point unwraps it.
     */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(RecordingFormatException cause) {
            super(cause.getMessage(), cause, false, false);
        }

        RecordingFormatException exception() {
            return (RecordingFormatException) getCause();
        }
    }
}
