package dev.roundtrip.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.record.Recording;
import dev.roundtrip.text.Texts;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.BytesReadout;
import dev.roundtrip.trace.ExchangeStarted;
import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.RequestInfo;
import dev.roundtrip.trace.SqlReadout;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.trace.Unavailable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A readout that is missing tells the student why in the language in use: every reason the readouts
 * give, before a lesson has sent anything and on an exchange that lacks most of what lessons ask about,
 * reads differently in German, French and Spanish than in English (an English literal, or a key one
 * language lacks, would read the same).
 */
class ReadoutReasonLanguageTest {
    private static final long MS = 1_000_000;
    private final Recording recording = new Recording(Instant.EPOCH);
    private final LessonState state = new LessonState();
    private final Readouts readouts = new Readouts(recording, state);

    @AfterEach
    void english() {
        Texts.use(Locale.ENGLISH);
    }

    @Test
    void everyReasonBeforeTheFirstRequestIsTranslated() {
        Set<String> keys = untranslated(missing());
        assertThat(keys).contains("lesson.why.notSent", "lesson.why.noQueue", "lesson.why.noNagle", "lesson.why.noRealtime",
                "lesson.why.notSentHttp1", "lesson.why.notSentHttp2", "lesson.why.noneParsed", "lesson.why.noneProcessed");
    }

    @Test
    void everyReasonOnAnExchangeThatLacksItIsTranslated() {
        plainExchangeOnAReusedConnection();
        Set<String> keys = untranslated(missing());
        assertThat(keys).contains("lesson.why.reused", "lesson.why.cleartextNoHandshake", "lesson.why.cleartextNoRecords",
                "lesson.why.cleartextAddsNothing", "lesson.why.stageNotEnded", "lesson.why.stageNotBegun", "lesson.why.noResponse",
                "lesson.why.embeddedDatabase", "lesson.why.noMemory", "lesson.why.neverHeld", "trace.why.platform",
                "lesson.why.noAllocation", "lesson.why.notPoll", "lesson.why.notLongLived", "lesson.why.noWholeHead",
                "lesson.why.noStageYet", "lesson.why.noInstrumentCost", "lesson.why.noKernelClient");
    }

    @Test
    void aReadoutShownInGermanSaysItsReasonInGermanAndAFileKeepsEnglish() {
        plainExchangeOnAReusedConnection();
        ReadoutValue v = readouts.read("kernel.server.txQueueMax");
        Texts.use(Locale.GERMAN);
        assertThat(v.display()).isEqualTo("nicht verfügbar (auf dieser Plattform nicht messbar: the NIO transport hides the socket)");
        assertThat(v.plain()).isEqualTo("not available (this platform cannot measure it: the NIO transport hides the socket)");
        assertThat(readouts.read("response.status").display()).isEqualTo("nicht verfügbar (keine Antwort gelesen (pending))");
    }

    /** Every readout of the catalog that is missing now. */
    private List<ReadoutValue> missing() {
        List<ReadoutValue> out = new ArrayList<>();
        for (ReadoutCatalog.Entry e : ReadoutCatalog.all()) {
            ReadoutValue v = readouts.read(e.name());
            if (!v.available()) out.add(v);
        }
        return out;
    }

    /** The reasons' keys; fails on the first reason a language says as English does. */
    private static Set<String> untranslated(List<ReadoutValue> missing) {
        assertThat(missing).isNotEmpty();
        Set<String> keys = new TreeSet<>();
        for (ReadoutValue v : missing) {
            keys.add(v.unavailable().key());
            String english = v.unavailable().english();
            for (Locale l : Texts.LANGUAGES.subList(1, Texts.LANGUAGES.size())) {
                assertThat(v.unavailable().in(l)).as(v.name() + " in " + l + " (" + v.unavailable().key() + ")").isNotEqualTo(english);
            }
        }
        return keys;
    }

    /** Exchange 1 on connection 8, opened by an earlier one: cleartext, sent, parse begun and never ended, SQL in process. */
    private void plainExchangeOnAReusedConnection() {
        recording.onEvent(new ExchangeStarted(1, 8, 0, new RequestInfo("GET", "/users/1", List.of(), new byte[0], null)));
        KernelReadout hidden = KernelReadout.unavailable(Unavailable.PLATFORM, "the NIO transport hides the socket", 65536, 65536);
        publish(event(Stage.SEND, Phase.BEGIN, Actor.CLIENT, 0).build());
        publish(event(Stage.SEND, Phase.PROGRESS, Actor.CLIENT, 0).bytes(new BytesReadout(40, new byte[40])).build());
        publish(event(Stage.SEND, Phase.END, Actor.CLIENT, MS).build());
        publish(event(Stage.PARSE, Phase.BEGIN, Actor.SERVER, 2 * MS).kernel(hidden).build());
        publish(event(Stage.PROCESS, Phase.PROGRESS, Actor.DATABASE, 3 * MS).sql(new SqlReadout("SELECT 1", 1, 1000)).build());
        state.sent(1);
    }

    private void publish(StageEvent e) {
        recording.onEvent(e);
    }

    private static StageEvent.Builder event(Stage stage, Phase phase, Actor actor, long t) {
        return StageEvent.at(1, 8, stage, phase, actor, t);
    }
}
