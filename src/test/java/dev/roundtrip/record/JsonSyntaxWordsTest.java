package dev.roundtrip.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Syntax errors of a HAR or recording say what was found and what JSON needs, never Jackson's words. */
class JsonSyntaxWordsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"log\": {\"entries\": [ {\"request\": tru  | 1:38: log.entries[0]: invalid JSON: 'tru' is not a JSON value (a value is a \"string\", a number, an object, an array, true, false or null)",
            "{\"log\": {\"entries\": [{]}}                | 1:23: log.entries[0]: invalid JSON: ']' where '}' belongs, to close the object that begins at line 1, column 22",
            "{'log': 1}                                   | 1:2: invalid JSON: a single quote (JSON quotes with \") where a field name in double quotes belongs (JSON writes \"name\": value)",
            "{\"log\" 1}                                  | 1:8: invalid JSON: '1' where ':' belongs, between a field name and its value",
            "{\"log\": {\"a\": 1 \"b\": 2}}               | 1:17: log: invalid JSON: '\"' where ',' (another field) or '}' (the end of the object) belongs",
            "{\"log\": [1 2]}                             | 1:12: log: invalid JSON: '2' where ',' (another element) or ']' (the end of the array) belongs",
            "{\"log\": \"\\x\"}                           | 1:11: invalid JSON: '\\x' is not a JSON escape (JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)",
            "{\"log\": -}                                 | 1:10: invalid JSON: '}' in a number: expected digit (0-9) to follow minus sign",
            "{\"log\": @}                                 | 1:9: invalid JSON: '@' where a value belongs (a \"string\", a number, an object, an array, true, false or null)",
    })
    void aSyntaxErrorSaysWhatWasFoundAndWhatBelongsThere(String json, String expected) throws Exception {
        Path har = dir.resolve("t.har");
        Files.writeString(har, json.strip(), StandardCharsets.UTF_8);
        RecordingFormatException e = org.junit.jupiter.api.Assertions.assertThrows(RecordingFormatException.class, () -> RecordingFiles.open(har));
        assertThat(e.getMessage()).isEqualTo(har + ":" + expected.strip());
        assertThat(e.getMessage()).doesNotContain("Unexpected", "Unrecognized", "was expecting", "code ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{\"log\": \"a\u0001b\"} | a control character (0x01) inside a string; JSON writes it as an escape such as \\n or \\u0001"})
    void aControlCharacterInAStringIsNamed(String json, String expected) throws Exception {
        Path har = dir.resolve("c.har");
        Files.writeString(har, json.strip(), StandardCharsets.UTF_8);
        RecordingFormatException e = org.junit.jupiter.api.Assertions.assertThrows(RecordingFormatException.class, () -> RecordingFiles.open(har));
        assertThat(e.getMessage()).endsWith(expected.strip());
    }
}
