package dev.roundtrip.text;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextsTest {
    private static final Texts.Bundle T = Texts.of("dev.roundtrip.text.Texts");

    @AfterEach
    void english() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void aSupportedLanguageIsChosenByItsLanguageCodeAndAnyOtherIsEnglish() {
        assertThat(Texts.supported(Locale.forLanguageTag("de-AT"))).isEqualTo(Locale.GERMAN);
        assertThat(Texts.supported(Locale.CANADA_FRENCH)).isEqualTo(Locale.FRENCH);
        assertThat(Texts.supported(Locale.forLanguageTag("es-MX"))).isEqualTo(Texts.SPANISH);
        assertThat(Texts.supported(Locale.JAPANESE)).isEqualTo(Locale.ENGLISH);
        assertThat(Texts.supported(null)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void textsFollowTheLanguageInUseWithPluralsAndFigures() {
        assertThat(T.get("language.name")).isEqualTo("English");
        Texts.use(Locale.GERMAN);
        assertThat(T.get("language.name")).isEqualTo("Deutsch");
        Texts.use(Texts.SPANISH);
        assertThat(T.get("language.name")).isEqualTo("Español");
        Texts.use(Locale.FRENCH);
        assertThat(T.get("language.name")).isEqualTo("Français");
        assertThat(Units.bytes(1536)).isEqualTo("1,5 KiB");
        Texts.use(Locale.ENGLISH);
        assertThat(Units.bytes(1536)).isEqualTo("1.5 KiB");
    }

    @Test
    void aTypingMistakeInRawBytesIsExplainedInTheLanguageInUse() {
        Texts.use(Locale.GERMAN);
        assertThatThrownBy(() -> ByteEscapes.parse("ok\n\\q")).hasMessageStartingWith("Zeile 2, Spalte 1: unbekannte Escape-Sequenz \\q");
        Texts.use(Locale.FRENCH);
        assertThatThrownBy(() -> ByteEscapes.parse("\\x4")).hasMessage("ligne 1, colonne 1 : \\x doit être suivi de deux chiffres hexadécimaux, trouvé « 4 »");
    }

    @Test
    void aMissingTextNamesItsKeyAndFile() {
        assertThatThrownBy(() -> T.get("no.such.key"))
                .hasMessageContaining("no.such.key").hasMessageContaining("dev/roundtrip/text/Texts.properties");
    }

    @Test
    void aTextMissingFromATranslationFallsBackToEnglishNotToTheJvmLocale() {
        Locale jvm = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            Texts.use(Locale.ENGLISH);
            assertThat(T.get("language.name")).isEqualTo("English");
        } finally {
            Locale.setDefault(jvm);
        }
    }
}
