package dev.roundtrip.ui.composer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.trace.Header;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ComposerViewModelTest {
    private final ComposerViewModel c = new ComposerViewModel();

    @Test
    void composesAStructuredRequestWithHeadersAndBody() {
        c.methodProperty().set("POST");
        c.targetProperty().set("/echo");
        c.headersProperty().set("Content-Type: text/plain\n\nX-Class:  7b ");
        c.bodyProperty().set("hi");
        ComposedRequest r = c.compose().orElseThrow();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.headers()).containsExactly(new Header("Content-Type", "text/plain"), new Header("X-Class", "7b"));
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("hi");
        assertThat(r.isRaw()).isFalse();
    }

    @Test
    void aBadHeaderLineIsNamedAndNothingIsComposed() {
        c.headersProperty().set("Accept: */*\nno colon here");
        assertThat(c.compose()).isEmpty();
        assertThat(c.problemProperty().get()).contains("line 2").contains("no colon here");
        c.headersProperty().set("");
        c.targetProperty().set("users");
        assertThat(c.compose()).isEmpty();
        assertThat(c.problemProperty().get()).contains("must start with /");
    }

    @Test
    void everyPresetComposesAndTheMalformedOneIsRawBytes() {
        for (Preset p : c.presets()) {
            c.apply(p);
            assertThat(c.compose()).as(p.label()).isPresent();
        }
        c.apply(c.presets().get(c.presets().size() - 1));
        ComposedRequest r = c.compose().orElseThrow();
        assertThat(new String(r.raw(), StandardCharsets.ISO_8859_1)).isEqualTo("GET /users/1\r\nHost: localhost\r\n\r\n");
        c.apply(c.presets().get(1));
        assertThat(c.rawModeProperty().get()).isFalse();
        assertThat(c.compose().orElseThrow().target()).isEqualTo("/users/1");
    }

    @Test
    void rawModeSendsTheParsedBytesAndNamesAMistakeWithItsLine() {
        c.rawModeProperty().set(true);
        c.rawTextProperty().set("GET / HTTP/1.1\\r\\n\nHost: x\n\n");
        assertThat(c.compose().orElseThrow().raw()).isEqualTo("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        c.rawTextProperty().set("ok\nbad \\xZZ");
        assertThat(c.compose()).isEmpty();
        assertThat(c.problemProperty().get()).startsWith("Raw bytes, line 2, column 5").contains("two hex digits");
        assertThat(c.rawSummaryProperty().get()).startsWith("Raw bytes, line 2");
    }

    @Test
    void switchingToRawStartsFromTheStructuredRequest() {
        c.methodProperty().set("GET");
        c.targetProperty().set("/");
        c.headersProperty().set("");
        c.rawModeProperty().set(true);
        assertThat(c.rawTextProperty().get()).startsWith("GET / HTTP/1.1\\r\\n\n");
        assertThat(c.rawSummaryProperty().get()).startsWith("35 bytes");
    }

    @Test
    void theTlsSwitchSendsOverTls() {
        ComposerViewModel c = new ComposerViewModel();
        assertThat(c.compose().orElseThrow().tls()).isFalse();
        c.tlsProperty().set(true);
        assertThat(c.compose().orElseThrow().tls()).isTrue();
        assertThat(c.compose().orElseThrow().summary()).isEqualTo("GET /users/1 over TLS");
        c.rawModeProperty().set(true);
        assertThat(c.compose().orElseThrow().tls()).as("raw bytes go over TLS too").isTrue();
    }

    @Test
    void theProtocolChoiceSendsOverHttp2AndSaysHowWithAndWithoutTls() {
        ComposerViewModel c = new ComposerViewModel();
        assertThat(c.protocols()).containsExactly(Protocol.HTTP_1_1, Protocol.HTTP_2);
        assertThat(c.compose().orElseThrow().http2()).isFalse();
        assertThat(c.protocolSummaryProperty().get()).isEqualTo("HTTP/1.1 in plain text");
        assertThat(c.protocolNoteShown().get()).as("the controls say it all").isFalse();
        c.protocolProperty().set(Protocol.HTTP_2);
        assertThat(c.protocolNoteShown().get()).isTrue();
        ComposedRequest h2c = c.compose().orElseThrow();
        assertThat(h2c.http2()).isTrue();
        assertThat(h2c.tls()).isFalse();
        assertThat(c.protocolSummaryProperty().get()).isEqualTo("HTTP/2 with prior knowledge (h2c)");
        assertThat(h2c.summary()).isEqualTo("GET /users/1, HTTP/2 with prior knowledge (h2c)");
        c.tlsProperty().set(true);
        ComposedRequest h2 = c.compose().orElseThrow();
        assertThat(h2.http2()).isTrue();
        assertThat(h2.tls()).isTrue();
        assertThat(c.protocolSummaryProperty().get()).isEqualTo("HTTP/2 over TLS, agreed by ALPN (h2)");
        c.protocolProperty().set(Protocol.HTTP_1_1);
        assertThat(c.protocolSummaryProperty().get()).isEqualTo("HTTP/1.1 over TLS (https)");
        assertThat(c.compose().orElseThrow().summary()).isEqualTo("GET /users/1 over TLS");
    }

    @Test
    void rawBytesAreHttp1TextWhateverProtocolIsChosenAndTheSummarySaysSo() {
        ComposerViewModel c = new ComposerViewModel();
        c.protocolProperty().set(Protocol.HTTP_2);
        c.rawModeProperty().set(true);
        ComposedRequest raw = c.compose().orElseThrow();
        assertThat(raw.isRaw()).isTrue();
        assertThat(raw.http2()).as("raw bytes cannot be HTTP/2 frames").isFalse();
        assertThat(c.protocolSummaryProperty().get()).isEqualTo("Raw bytes are HTTP/1.1 text: sent as HTTP/1.1 in plain text");
        // a request built by hand that asks for both is refused, saying why
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ComposedRequest("", "", java.util.List.of(), null, new byte[] {'G'}, false,
                Protocol.HTTP_2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("choose HTTP/1.1");
        c.rawModeProperty().set(false);
        assertThat(c.compose().orElseThrow().http2()).as("the choice is kept for structured requests").isTrue();
    }

    @Test
    void theProtocolSummaryFollowsTheLanguage() {
        ComposerViewModel c = new ComposerViewModel();
        c.protocolProperty().set(Protocol.HTTP_2);
        java.util.Locale before = dev.roundtrip.ui.util.Language.localeProperty().get();
        try {
            dev.roundtrip.ui.util.Language.use(java.util.Locale.GERMAN);
            assertThat(c.protocolSummaryProperty().get()).isEqualTo("HTTP/2 mit Prior Knowledge (h2c)");
        } finally {
            dev.roundtrip.ui.util.Language.use(before);
        }
    }
}
