package dev.roundtrip.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.text.Texts;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Raw bytes that name no request are "raw request" in the student's language (the diagram's title, the list); a method and target stay as sent. */
class RequestSummaryLanguageTest {
    @Test
    void rawBytesAreNamedInEachLanguageAndAMethodStaysAsSent() {
        RequestInfo raw = new RequestInfo("", "", List.of(), null, "GARBAGE\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(raw.summary()).isEqualTo("raw request");
        assertThat(raw.summary(Locale.GERMAN)).isEqualTo("rohe Anfrage");
        assertThat(raw.summary(Locale.FRENCH)).isEqualTo("requête brute");
        assertThat(raw.summary(Texts.SPANISH)).isEqualTo("petición en bruto");
        RequestInfo get = new RequestInfo("GET", "/users/1", List.of(), null, null);
        for (Locale l : Texts.LANGUAGES) assertThat(get.summary(l)).isEqualTo("GET /users/1");
    }
}
