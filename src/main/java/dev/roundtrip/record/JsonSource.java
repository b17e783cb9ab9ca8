package dev.roundtrip.record;

import dev.roundtrip.trace.Phrase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.roundtrip.text.TextEncoding;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of a file that should hold JSON (a recording or a HAR), checked to be text, and what the
 * readers share about them: one parser configuration, and errors that name the file, line, column
 * and JSON path ({@code exchanges[0].events[3].stage}) in the words of {@link RecordingFormatException}.
 */
final class JsonSource {
    /** Objects and arrays inside each other: a recording needs 6 levels, a browser's HAR a few dozen. */
    static final int MAX_NESTING = 1000;
    /** Characters of one number: 64-bit integers and doubles need about 25. */
    static final int MAX_NUMBER_LENGTH = 100;
    // Recorded bodies can be large; the file size limit is the guard, not the string length.
    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxStringLength(Integer.MAX_VALUE)
            .maxDocumentLength(-1)
            .maxNestingDepth(MAX_NESTING)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .build();
    private static final JsonFactory FACTORY = JsonFactory.builder().streamReadConstraints(LIMITS).build();
    /** Refuses a field given twice (which one would count is anybody's guess); costs a set per object. */
    private static final JsonFactory STRICT = JsonFactory.builder().streamReadConstraints(LIMITS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** How much of the start is checked for binary content. */
    private static final int SNIFF = 64 * 1024;

    private final byte[] content;
    private final int start;
    private final String file;

    private JsonSource(byte[] content, int start, String file) {
        this.content = content;
        this.start = start;
        this.file = file;
    }

    /**
     * Checks that {@code content} is text and not empty; a UTF-8 byte order mark is skipped.
     *
     * @param file the name used in error messages
     */
    static JsonSource of(byte[] content, String file) throws RecordingFormatException {
        rejectBinary(content, file);
        int start = hasUtf8Bom(content) ? 3 : 0;
        for (int i = start; ; i++) {
            if (i == content.length) throw RecordingFormatException.whole(file, Phrase.of("record.empty"));
            byte b = content[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') break;
        }
        return new JsonSource(content, start, file);
    }

    /**
     * A new parser from the first character (every pass starts there, so locations agree). It lets a
     * field appear twice: {@link RecordingReader} refuses that for the fields it reads, at no cost.
     */
    JsonParser parser() throws IOException {
        return FACTORY.createParser(content, start, content.length - start);
    }

    /** A parser that refuses any field given twice, for a reader that builds a tree. */
    JsonParser strictParser() throws IOException {
        return STRICT.createParser(content, start, content.length - start);
    }

    /** The file's name as messages show it. */
    String file() {
        return file;
    }

    RecordingFormatException error(JsonLocation at, String path, String problem) {
        return new RecordingFormatException(file, line(at), column(at), path, problem);
    }

    RecordingFormatException error(JsonLocation at, String path, Phrase problem) {
        return new RecordingFormatException(file, line(at), column(at), path, problem, null);
    }

    /** An error at the value {@code at} points to, or at its nearest enclosing value when it is missing. */
    RecordingFormatException error(JsonPointer at, String path, String problem) {
        return error(JsonLocator.locate(this, at), path, problem);
    }

    RecordingFormatException error(JsonPointer at, String path, Phrase problem) {
        return error(JsonLocator.locate(this, at), path, problem);
    }

    /**
     * The first token of {@code p}. A syntax error there (other than the end of the input) means the
     * file is no JSON at all, reported where the document would have begun.
     */
    JsonToken firstToken(JsonParser p) throws IOException, RecordingFormatException {
        try {
            return p.nextToken();
        } catch (JsonProcessingException e) {
            if (isEndOfInput(e, why(e))) throw e;
            int[] first = firstCharacter();
            throw new RecordingFormatException(file, first[0], first[1], null, Phrase.of("record.notJson", why(e), "{"), e);
        }
    }

    /**
     * What Jackson's parse error means for the user: the file ends too early, or is broken at a
     * place, named by the container {@code p} was in.
     */
    RecordingFormatException syntaxError(IOException e, JsonParser p) {
        if (!(e instanceof JsonProcessingException)) {
            return new RecordingFormatException(file, 0, 0, null, Phrase.of("record.unreadable", String.valueOf(e.getMessage())), e);
        }
        JsonProcessingException j = (JsonProcessingException) e;
        String why = why(j);
        JsonStreamContext open = p == null ? null : p.getParsingContext();
        JsonLocation l = j.getLocation();
        if (j instanceof StreamConstraintsException) return limitError(j, p, why);
        if (isEndOfInput(j, why)) {
            Object what = open == null || open.inRoot() ? Phrase.of("record.theDocument") : containerName(open);
            return new RecordingFormatException(file, line(l), column(l), null, Phrase.of("record.truncated", what), e);
        }
        if (why.startsWith("Duplicate field") && open != null && open.getCurrentName() != null) {
            // Jackson stops just after the second name: point at its opening quote.
            int nameStart = column(l) - open.getCurrentName().getBytes(StandardCharsets.UTF_8).length - 2;
            return new RecordingFormatException(file, line(l), Math.max(1, nameStart), path(open), Phrase.of("record.twice"), e);
        }
        String where = open == null || open.inRoot() ? null : shorten(path(open.getParent()));
        return new RecordingFormatException(file, line(l), column(l), where, Phrase.of("record.invalidJson", JsonSyntaxWords.plain(why)), e);
    }

    /**
     * One of our limits (nesting, number length), in plain words at the place the parser reached;
     * no path (at 100,000 levels it would be longer than the file's first lines).
     */
    private RecordingFormatException limitError(JsonProcessingException e, JsonParser p, String why) {
        JsonLocation l = p == null ? null : p.currentLocation();
        String problem;
        if (why.contains("nesting depth")) {
            problem = "objects and arrays are nested more than " + thousands(MAX_NESTING) + " levels deep here; "
                    + "recordings and HAR files may nest at most " + thousands(MAX_NESTING) + " (a recording needs fewer than 10)";
        } else if (why.contains("Number value length")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("length \\((\\d+)\\)").matcher(why);
            String length = m.find() ? thousands(Long.parseLong(m.group(1))) + " characters" : "more characters";
            problem = "a number of " + length + "; a number in a recording or HAR file may have at most " + MAX_NUMBER_LENGTH;
            // Jackson stops after the number: point at its first character.
            if (l != null && m.find(0)) l = new JsonLocation(l.contentReference(), l.getByteOffset(), l.getCharOffset(),
                    l.getLineNr(), Math.max(1, l.getColumnNr() - (int) Long.parseLong(m.group(1))));
        } else {
            problem = "over a limit for recordings and HAR files (" + why.replaceAll(" ?\\(.*from `.*`\\)", "") + ")";
        }
        return new RecordingFormatException(file, line(l), column(l), null, problem, e);
    }

    /** 20971520 as "20,971,520": large counts in messages. */
    static String thousands(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    private static final java.util.regex.Pattern SOURCE_LOCATION =
            java.util.regex.Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]");

    /** Jackson's message in our words: its "[Source: REDACTED (...); line: 1, column: 9]" becomes "line 1, column 9". */
    private static String why(JsonProcessingException e) {
        String first = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
        return SOURCE_LOCATION.matcher(first).replaceAll("line $1, column $2")
                .replace("for Array starting at", "for the array that begins at")
                .replace("for Object starting at", "for the object that begins at")
                .replace("for root starting at", "for the document that begins at");
    }

    private static boolean isEndOfInput(JsonProcessingException e, String why) {
        return e instanceof JsonEOFException || why.contains("end-of-input");
    }

    /** A path of a deeply nested value, cut in the middle: a message stays a line, not 3 KB. */
    static String shorten(String path) {
        if (path.length() <= 160) return path;
        return path.substring(0, 80) + "…(" + (path.length() - 140) + " characters)…" + path.substring(path.length() - 60);
    }

    private static Object containerName(JsonStreamContext c) {
        String p = shorten(path(c.getParent()));
        if (!p.isEmpty()) return p;
        return Phrase.of(c.inArray() ? "record.topArray" : "record.topObject");
    }

    private int[] firstCharacter() {
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
        return new int[] {line, col};
    }

    /**
     * The JSON path of {@code c}'s current entry, e.g. {@code exchanges[0].events[3].stage} inside an
     * event object at its "stage" field, {@code exchanges[2]} in the exchanges array; "" at the root.
     */
    static String path(JsonStreamContext c) {
        StringBuilder sb = new StringBuilder();
        appendPath(c, sb);
        return sb.length() > 0 && sb.charAt(0) == '.' ? sb.substring(1) : sb.toString();
    }

    private static void appendPath(JsonStreamContext c, StringBuilder sb) {
        if (c == null || c.inRoot()) return;
        appendPath(c.getParent(), sb);
        if (c.inArray()) sb.append('[').append(c.getCurrentIndex()).append(']');
        else if (c.getCurrentName() != null) sb.append('.').append(c.getCurrentName());
    }

    /** "a.b" + ".c" or "[0]": paths joined as one. */
    static String join(String base, String child) {
        if (base.isEmpty()) return child.startsWith(".") ? child.substring(1) : child;
        if (child.isEmpty() || child.startsWith("[") || child.startsWith(".")) return base + child;
        return base + "." + child;
    }

    /** The value at the parser's current token, as an error message shows it. */
    static String found(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) return "nothing";
        switch (t) {
            case START_OBJECT: return "an object";
            case START_ARRAY: return "an array";
            case VALUE_NULL: return "null";
            case VALUE_STRING: return quote(p.getText());
            default: return p.getText(); // numbers as written, true, false
        }
    }

    /** A string value as an error message shows it: quoted, at most 40 characters, one line. */
    static String quote(String s) {
        if (s.length() > 40) s = s.substring(0, 40) + "…";
        return '"' + s.replace("\n", "\\n") + '"';
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

    /** A known binary signature, a NUL byte or invalid UTF-8 near the start means "not text". */
    private static void rejectBinary(byte[] b, String file) throws RecordingFormatException {
        String utf16 = TextEncoding.utf16(b);
        if (utf16 != null) {
            throw RecordingFormatException.whole(file, Phrase.of("record.utf16", utf16));
        }
        String kind = signature(b);
        if (kind != null) {
            throw RecordingFormatException.whole(file, Phrase.of("record.binary", kind));
        }
        int n = Math.min(b.length, SNIFF);
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                throw RecordingFormatException.whole(file, Phrase.of("record.binaryNul", i));
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, 0, n);
        CoderResult r = utf8.decode(in, CharBuffer.allocate(n), n == b.length);
        // An underflow at the sniff boundary is a character cut in two, not an error.
        if (r.isError()) {
            throw RecordingFormatException.whole(file, Phrase.of("record.notUtf8", in.position()));
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
}
