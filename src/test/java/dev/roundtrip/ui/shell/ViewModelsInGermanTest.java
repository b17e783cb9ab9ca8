package dev.roundtrip.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.gate.GateMode;
import dev.roundtrip.text.Texts;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.ui.Fixtures;
import dev.roundtrip.ui.diagram.DiagramScript;
import dev.roundtrip.ui.diagram.DiagramStep;
import dev.roundtrip.ui.exchanges.ExchangeRow;
import dev.roundtrip.ui.gates.GatesViewModel;
import dev.roundtrip.ui.inspector.InspectorViewModel;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The texts the view models make, in German: statuses, list rows, the diagram's figures, readouts, the composer's problems. */
class ViewModelsInGermanTest {
    @BeforeEach
    void german() {
        Texts.use(Locale.GERMAN);
    }

    @AfterEach
    void english() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void theWindowsModelSaysStatusRowsAndMessagesInGerman() {
        MainViewModel vm = new MainViewModel(new ReplayPort(Fixtures.classroom(), "fixtures"));
        vm.frame(0);
        assertThat(vm.exchanges()).extracting(ExchangeRow::status)
                .containsExactly("200", "404", "500", "Zeit überschritten", "Abgebrochen", "angehalten");
        assertThat(vm.statusProperty().get()).contains("Wiedergabe von fixtures").contains("Modus Lauf").contains("6 Austausche")
                .contains("#6 angehalten vor parse");
        vm.send();
        assertThat(vm.messageProperty().get()).isEqualTo("Das ist eine Wiedergabe: Es gibt keinen Server, an den gesendet werden kann.");
        assertThat(GatesViewModel.modeMessage(GateMode.STEP)).startsWith("Schrittmodus: Jede Stufe wartet");
    }

    @Test
    void theDiagramsFiguresCountInGermanAndWriteTheDecimalComma() {
        Exchange x = Fixtures.classroom().exchange(1).orElseThrow();
        DiagramScript s = DiagramScript.of(x);
        DiagramStep parse = s.steps().stream().filter(d -> d.stage() == Stage.PARSE).findFirst().orElseThrow();
        assertThat(parse.figures()).contains("1 Lesevorgang").doesNotContain("read");
        DiagramStep process = s.steps().stream().filter(d -> d.stage() == Stage.PROCESS).findFirst().orElseThrow();
        assertThat(process.figures()).containsPattern("\\d SQL-Aufrufe?");
        assertThat(dev.roundtrip.text.Units.bytes(1536)).isEqualTo("1,5 KiB");
    }

    @Test
    void theInspectorSaysWhereItsReadoutsComeFromInGerman() {
        Exchange x = Fixtures.classroom().exchange(6).orElseThrow();
        InspectorViewModel vm = new InspectorViewModel();
        vm.show(x, DiagramScript.of(x), 0, Long.MAX_VALUE);
        assertThat(vm.kernelCaptionProperty().get()).isEqualTo("Socket (Server), angehalten vor parse");
        assertThat(InspectorViewModel.missingText(new dev.roundtrip.trace.KernelReadout(null, null, null, null,
                dev.roundtrip.trace.Unavailable.SAMPLED.text("not read at this socket read/write"))))
                .as("the UI's words in German, the engine's recorded detail as it was")
                .isEqualTo("hier nicht gemessen: unter Last nur Stichproben (not read at this socket read/write)");
    }

    @Test
    void theComposerNamesItsProblemsInGerman() {
        var c = new dev.roundtrip.ui.composer.ComposerViewModel();
        c.targetProperty().set("users");
        assertThat(c.compose()).isEmpty();
        assertThat(c.problemProperty().get()).isEqualTo("Das Ziel muss mit / beginnen, zum Beispiel /users/1");
        c.targetProperty().set("/users/1");
        c.headersProperty().set("kein Doppelpunkt");
        c.compose();
        assertThat(c.problemProperty().get()).isEqualTo("Header, Zeile 1: erwartet \"Name: Wert\", gefunden \"kein Doppelpunkt\"");
    }
}
