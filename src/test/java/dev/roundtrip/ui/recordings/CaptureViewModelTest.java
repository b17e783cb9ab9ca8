package dev.roundtrip.ui.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.capture.CaptureOptions;
import org.junit.jupiter.api.Test;

class CaptureViewModelTest {
    @Test
    void offersPythonsDefaultAndTurnsTheFieldsIntoOptions() {
        CaptureViewModel vm = new CaptureViewModel();
        vm.portProperty().set(" 8090 ");

        CaptureOptions o = vm.options().orElseThrow();

        assertThat(o.target().describe()).isEqualTo("127.0.0.1:5000");
        assertThat(o.port()).isEqualTo(8090);
        assertThat(o.listen().isLoopbackAddress()).isTrue();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(CaptureViewModel.sessionName(o)).isEqualTo("Capture 127.0.0.1:5000");
    }

    @Test
    void wrongFieldsSayWhatIsWrongAndGiveNoOptions() {
        CaptureViewModel vm = new CaptureViewModel();
        vm.portProperty().set("eighty");
        assertThat(vm.options()).isEmpty();
        assertThat(vm.errorProperty().get()).startsWith("The port must be a number");

        vm.portProperty().set("8081");
        vm.targetProperty().set("http://192.0.2.7:80");
        assertThat(vm.options()).isEmpty();
        assertThat(vm.errorProperty().get()).startsWith("Refusing to forward to 192.0.2.7").contains("this machine only").endsWith(".");

        vm.targetProperty().set("https://127.0.0.1:5000");
        assertThat(vm.options()).isEmpty();
        assertThat(vm.errorProperty().get()).contains("plain http only");

        vm.portProperty().set("70000");
        assertThat(vm.options()).isEmpty();
        assertThat(vm.errorProperty().get()).startsWith("The port must be a number from 0 to 65535");

        vm.portProperty().set("8081");
        vm.targetProperty().set("http://127.0.0.1:5000");
        assertThat(vm.options()).isPresent();
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void whatIsWrongIsSaidInTheLanguageInUse() {
        CaptureViewModel vm = new CaptureViewModel();
        try {
            dev.roundtrip.text.Texts.use(java.util.Locale.GERMAN);
            vm.targetProperty().set("https://127.0.0.1:5000");
            assertThat(vm.options()).isEmpty();
            assertThat(vm.errorProperty().get()).as("the address as typed, then the reason in German")
                    .isEqualTo("https://127.0.0.1:5000: capture leitet nur einfaches http weiter (es baut kein TLS zum Server auf);"
                            + " den Server über http laufen lassen, etwa http://127.0.0.1:5000.");
            dev.roundtrip.text.Texts.use(java.util.Locale.FRENCH);
            vm.targetProperty().set("http://192.0.2.7:80");
            assertThat(vm.options()).isEmpty();
            assertThat(vm.errorProperty().get()).isEqualTo("Transmission vers 192.0.2.7 (192.0.2.7:80) refusée : capture ne transmet qu’à cette machine.");
        } finally {
            dev.roundtrip.text.Texts.use(java.util.Locale.ENGLISH);
        }
    }
}
