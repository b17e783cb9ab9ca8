package dev.roundtrip.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** LANG=de_DE.UTF-8 speaks German even where the JVM could not set that locale and says English. */
class SystemLanguageTest {
    private static Locale start(Locale jvm, Map<String, String> env) {
        return SystemLanguage.of(jvm, env::get);
    }

    @Test
    void posixVariablesDecideWhenTheJvmFellBackToEnglish() {
        assertThat(start(Locale.US, Map.of("LANG", "de_DE.UTF-8"))).isEqualTo(Locale.GERMAN);
        assertThat(Texts.supported(start(Locale.ENGLISH, Map.of("LANG", "es_ES.UTF-8")))).isEqualTo(Texts.SPANISH);
        assertThat(start(Locale.ENGLISH, Map.of("LC_ALL", "fr_FR.UTF-8", "LANG", "de_DE.UTF-8"))).isEqualTo(Locale.FRENCH);
        assertThat(start(Locale.ENGLISH, Map.of("LC_MESSAGES", "de_AT@euro", "LANG", "fr_FR"))).isEqualTo(Locale.GERMAN);
        assertThat(start(Locale.ENGLISH, Map.of("LC_ALL", "C.UTF-8", "LANG", "de_DE.UTF-8"))).as("LC_ALL=C wins: English").isEqualTo(Locale.ENGLISH);
    }

    @Test
    void aLanguageTheJvmKnowsIsKept() {
        assertThat(start(Locale.FRENCH, Map.of("LANG", "de_DE.UTF-8"))).isEqualTo(Locale.FRENCH);
        assertThat(start(Locale.US, Map.of())).isEqualTo(Locale.US);
        assertThat(start(Locale.US, Map.of("LANG", "POSIX"))).isEqualTo(Locale.US);
    }

    @Test
    void aUtf8TerminalIsWrittenInUtf8WhereTheJvmFellBackToAscii() {
        java.nio.charset.Charset ascii = java.nio.charset.Charset.forName("ANSI_X3.4-1968");
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        assertThat(SystemLanguage.terminalCharset(ascii, Map.of("LANG", "de_DE.UTF-8")::get)).contains(utf8);
        assertThat(SystemLanguage.terminalCharset(ascii, Map.of("LC_ALL", "fr_FR.utf8", "LANG", "C")::get)).contains(utf8);
        assertThat(SystemLanguage.terminalCharset(ascii, Map.of("LC_CTYPE", "de_DE@euro", "LANG", "de_DE.UTF-8")::get))
                .as("the variable that decides names no UTF-8").isEmpty();
        assertThat(SystemLanguage.terminalCharset(ascii, Map.of("LANG", "C")::get)).isEmpty();
        assertThat(SystemLanguage.terminalCharset(ascii, Map.<String, String>of()::get)).isEmpty();
        assertThat(SystemLanguage.terminalCharset(utf8, Map.of("LANG", "de_DE.UTF-8")::get)).as("already UTF-8").isEmpty();
    }
}
