package dev.roundtrip.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.trace.Stage;
import org.junit.jupiter.api.Test;

class ExchangeDiffTest {
    @Test
    void theSameExchangeDiffersOnlyInNothing() {
        Recording r = SampleRecordings.session();
        ExchangeDiff d = ExchangeDiff.between(r.exchange(1).orElseThrow(), SampleRecordings.session().exchange(1).orElseThrow());
        assertThat(d.sameResponse()).isTrue();
        assertThat(d.sameRequest()).isTrue();
        // connect and handshake are left out where neither exchange opened a connection
        assertThat(d.stages()).extracting(ExchangeDiff.StageDelta::stage)
                .containsExactly(Stage.SEND, Stage.PARSE, Stage.PROCESS, Stage.RESPOND, Stage.INTERPRET);
        assertThat(d.stages()).allSatisfy(s -> assertThat(s.deltaNanos()).isZero());
    }

    @Test
    void statusHeadersBodyAndStageDurationsAreCompared() {
        Recording r = SampleRecordings.session();
        ExchangeDiff all = ExchangeDiff.between(r.exchange(1).orElseThrow(), r.exchange(2).orElseThrow());
        assertThat(all.sameRequest()).as("a different request").isFalse();
        assertThat(all.differences()).filteredOn(ExchangeDiff.Difference::ofRequest).first()
                .satisfies(f -> assertThat(f.field()).isEqualTo("request line"));
        java.util.List<ExchangeDiff.Difference> d = all.differences().stream().filter(f -> !f.ofRequest()).toList();
        assertThat(d).extracting(ExchangeDiff.Difference::field)
                .containsExactly("status", "reason", "header Content-Type", "header Content-Length", "body");
        assertThat(d.get(0)).isEqualTo(new ExchangeDiff.Difference("status", "200", "404"));
        assertThat(d.get(2).after()).isEqualTo("(none)");
        assertThat(d.get(4).after()).isEqualTo("10 bytes, first difference at byte 0");
        ExchangeDiff.StageDelta process = stage(all, Stage.PROCESS);
        assertThat(process.beforeNanos()).isEqualTo(1_250_000L);
        assertThat(process.afterNanos()).isEqualTo(50_000L);
        assertThat(process.deltaNanos()).isEqualTo(-1_200_000L);
    }

    @Test
    void aMissingResponseAndOutcomeAreNamed() {
        Recording r = SampleRecordings.session();
        ExchangeDiff d = ExchangeDiff.between(r.exchange(1).orElseThrow(), r.exchange(4).orElseThrow());
        assertThat(d.differences()).filteredOn(f -> !f.ofRequest()).containsExactly(
                new ExchangeDiff.Difference("outcome", "completed", "cancelled"),
                new ExchangeDiff.Difference("response", "200 OK", "(none)"));
        assertThat(stage(d, Stage.INTERPRET).afterNanos()).isNull();
        assertThat(stage(d, Stage.INTERPRET).deltaNanos()).isNull();
    }

    private static ExchangeDiff.StageDelta stage(ExchangeDiff d, Stage s) {
        return d.stages().stream().filter(x -> x.stage() == s).findFirst().orElseThrow();
    }
}
