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
}
