package dev.roundtrip.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.roundtrip.text.Printable;

/**
 * What our JSON files write as {@code \}{@code uXXXX} besides what JSON requires: DEL, the C1
 * controls (U+0080..U+009F; a terminal may take U+009B for CSI when the file is {@code cat}-ed) and
 * the characters that reorder or break the lines of text around them ({@link Printable#isLayout}). The file means exactly the same; only its bytes are safe to
 * show. Surrogates are already written as escapes by Jackson's UTF-8 generator.
 */
final class JsonEscapes extends CharacterEscapes {
    private static final int[] ASCII = standardAsciiEscapesForJSON();

    static {
        ASCII[0x7f] = ESCAPE_STANDARD;
    }

    private static final JsonEscapes INSTANCE = new JsonEscapes();

    private JsonEscapes() {}

    /** A factory whose generators use these escapes. */
    static JsonFactory factory() {
        JsonFactory f = new JsonFactory();
        f.setCharacterEscapes(INSTANCE);
        return f;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        boolean c1 = ch >= 0x80 && ch <= 0x9f;
        return c1 || (ch <= 0xffff && Printable.isLayout((char) ch))
                ? new SerializedString(String.format(java.util.Locale.ROOT, "\\u%04X", ch)) : null;
    }
}
