package dev.roundtrip.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EscapesTest {
    @Test
    void decodesTheKnownEscapes() {
        assertThat(Escapes.decode("a\\r\\n\\t\\0\\\\\\x41\\xff")).containsExactly('a', '\r', '\n', '\t', 0, '\\', 'A', 0xff);
    }

    @Test
    void rejectsWhatItDoesNotKnow() {
        assertThatThrownBy(() -> Escapes.decode("x\\")).hasMessageContaining("lone backslash");
        assertThatThrownBy(() -> Escapes.decode("\\x4")).hasMessageContaining("needs two hex digits");
        assertThatThrownBy(() -> Escapes.decode("\\xzz")).hasMessageContaining("got 'zz'");
        assertThatThrownBy(() -> Escapes.decode("\u20ac")).hasMessageContaining("not a single byte");
    }
}
