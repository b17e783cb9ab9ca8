package dev.roundtrip.record;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Where a value begins in the file, found by a second streaming pass that descends along a JSON
 * Pointer and skips everything else. Readers that keep no locations (a Jackson tree, or a check
 * made after its object was read) call it only to place an error, so it costs nothing when the
 * file is valid.
 */
final class JsonLocator {
    private JsonLocator() {}

    /**
     * The location of the value at {@code at}; when that value is missing, of the deepest value on
     * the way there (a missing field is reported at the object that lacks it). Null if the file
     * cannot be parsed that far.
     */
    static JsonLocation locate(JsonSource source, JsonPointer at) {
        try (JsonParser p = source.parser()) {
            JsonToken t = p.nextToken();
            JsonLocation found = p.currentTokenLocation();
            for (JsonPointer rest = at; !rest.matches(); rest = rest.tail()) {
                if (t == JsonToken.START_OBJECT ? !toField(p, rest.getMatchingProperty())
                        : t != JsonToken.START_ARRAY || !toElement(p, rest.getMatchingIndex())) {
                    return found;
                }
                t = p.currentToken();
                found = p.currentTokenLocation();
            }
            return found;
        } catch (IOException e) {
            return null;
        }
    }

    /** Moves to the value of field {@code name} of the object just started; false if it has none. */
    private static boolean toField(JsonParser p, String name) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            boolean hit = name.equals(p.currentName());
            p.nextToken();
            if (hit) return true;
            p.skipChildren();
        }
        return false;
    }

    /** Moves to element {@code index} of the array just started; false if it is shorter. */
    private static boolean toElement(JsonParser p, int index) throws IOException {
        if (index < 0) return false;
        int i = 0;
        for (JsonToken t = p.nextToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (i++ == index) return true;
            p.skipChildren();
        }
        return false;
    }
}
