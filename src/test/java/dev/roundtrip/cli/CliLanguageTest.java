package dev.roundtrip.cli;

import dev.roundtrip.text.Texts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line speaks the language in use: its usage help and what it prints. */
class CliLanguageTest {
    @AfterEach
    void english() {
        Texts.use(Locale.ENGLISH);
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        RoundtripCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return out + "\n" + err;
    }

    private static String text(String bundle, Locale l, String key) {
        return ResourceBundle.getBundle("dev.roundtrip.cli." + bundle, l).getString(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "es"})
    void theUsageHelpIsInTheLanguageInUse(String language) {
        Locale l = Locale.forLanguageTag(language);
        Texts.use(l);
        String help = run("trace", "--help");
        String tls = text("Help", l, "roundtrip.trace.tls");
        assertThat(tls).isNotEqualTo(text("Help", Locale.ROOT, "roundtrip.trace.tls"));
        assertThat(help.replaceAll("\\s+", " ")).contains(tls.replaceAll("\\s+", " ").substring(0, 30))
                .doesNotContain("the handshake is a stage of its own");
        assertThat(help).contains("--tls", "--raw"); // option names stay
    }

    @Test
    void aTraceIsPrintedInGermanWithStageNamesKept() {
        Texts.use(Locale.GERMAN);
        String printed = run("trace", "GET", "/");
        assertThat(printed).contains(text("Texts", Locale.GERMAN, "timeline.stages"))
                .doesNotContain("Stages:").contains("send", "parse", "process", "respond", "interpret");
    }

    @Test
    void aTracesReadoutsAndWhyOneIsMissingAreInGerman() {
        Texts.use(Locale.GERMAN);
        String printed = run("trace", "GET", "/", "--no-kernel");
        // the kernel queues are switched off: the reason is said in German, once, not in the engine's English
        assertThat(printed).contains(dev.roundtrip.trace.MissingReadoutWords.reason("off: kernel readouts are switched off").in(Locale.GERMAN))
                .doesNotContain("switched off", "capacity ", "memory  ");
        assertThat(printed).contains("Speicher ", "Kapazität ", "readerIndex "); // Netty's field names stay
    }

    @Test
    void aBadOptionIsExplainedInFrench() {
        Texts.use(Locale.FRENCH);
        String printed = run("trace", "GET");
        assertThat(printed).contains(text("Texts", Locale.FRENCH, "trace.needsRequest"));
    }
}
