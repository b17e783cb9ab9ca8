package dev.roundtrip.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.ExchangeStarted;
import dev.roundtrip.trace.RequestInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming reader builds what the located tree reader builds, and leaves every error to it. */
class FastRecordingReaderTest {

    private static Recording tree(byte[] content) throws RecordingFormatException {
        return TreeRecordingReader.read(JsonTree.parse(content, "x.roundtrip.json"));
    }

    @Test
    void readsTheSameRecordingAsTheTreeReader() throws Exception {
        Recording session = SampleRecordings.session();
        session.setDropped(7);
        byte[] content = RecordingJson.toBytes(session);
        Recording fast = FastRecordingReader.tryRead(content);
        assertThat(fast).isNotNull();
        assertThat(RecordingJson.toBytes(fast)).isEqualTo(RecordingJson.toBytes(tree(content)));
        assertThat(fast.exchanges()).hasSameSizeAs(session.exchanges());
        assertThat(fast.dropped()).isEqualTo(7);
        assertThat(fast.eventCount()).isEqualTo(session.eventCount());
    }

    @Test
    void anOddButValidFileIsLeftToTheTreeReaderWhichReadsIt() throws Exception {
        // "events" before "id": valid, but not in the order the writer uses
        String json = new String(RecordingJson.toBytes(SampleRecordings.session()), StandardCharsets.UTF_8);
        String moved = json.replaceFirst("\\{\\s*\"id\"\\s*:\\s*(\\d+),", "{\"events\": [], \"id\": $1,");
        String odd = moved.replaceFirst("\"events\" : \\[", "\"eventsX\" : [");
        byte[] content = odd.getBytes(StandardCharsets.UTF_8);
        if (!odd.equals(json)) assertThat(FastRecordingReader.tryRead(content)).isNull();
        assertThat(RecordingJson.read(content, "x.roundtrip.json").exchanges()).isNotEmpty();
    }

    @Test
    void errorsComeFromTheTreeReaderWithTheirLocation() {
        String json = new String(RecordingJson.toBytes(SampleRecordings.session()), StandardCharsets.UTF_8);
        String bad = json.replaceFirst("\"stage\" : \"send\"", "\"stage\" : \"sned\"");
        assertThat(bad).isNotEqualTo(json);
        byte[] content = bad.getBytes(StandardCharsets.UTF_8);
        assertThat(FastRecordingReader.tryRead(content)).isNull();
        assertThatThrownBy(() -> RecordingJson.read(content, "x.roundtrip.json"))
                .isInstanceOf(RecordingFormatException.class)
                .hasMessageContaining("x.roundtrip.json")
                .hasMessageContaining("sned")
                .hasMessageContaining("stage");
    }

    @Test
    void aDuplicatedFieldIsAnErrorOnBothPaths() {
        String json = "{\"format\":\"roundtrip-recording\",\"version\":1,\"version\":1,\"startedAt\":\"2026-11-24T09:15:30Z\",\"exchanges\":[]}";
        byte[] content = json.getBytes(StandardCharsets.UTF_8);
        assertThat(FastRecordingReader.tryRead(content)).isNull();
        assertThatThrownBy(() -> RecordingJson.read(content, "d.json")).hasMessageContaining("appears twice");
    }

    @Test
    void aHarFileIsNotTakenForARecording() {
        byte[] har = "{\"log\":{\"version\":\"1.2\",\"entries\":[]}}".getBytes(StandardCharsets.UTF_8);
        assertThat(FastRecordingReader.tryRead(har)).isNull();
    }

    @Test
    void theRetentionRingEvictsTheOldestFinishedExchangesAndCountsThem() {
        Recording r = new Recording(SampleRecordings.START);
        r.setRetainedExchanges(4);
        r.onEvent(new ExchangeStarted(1, 1, 0, RequestInfo.EMPTY)); // never finishes: never evicted
        for (long id = 2; id <= 12; id++) {
            r.onEvent(new ExchangeStarted(id, 1, id, RequestInfo.EMPTY));
            r.onEvent(new ExchangeEnded(id, id + 1, dev.roundtrip.trace.Outcome.COMPLETED, null, "done"));
        }
        List<Exchange> kept = r.exchanges();
        assertThat(kept.size()).isBetween(4, 5);
        assertThat(kept.get(0).id()).isEqualTo(1);
        assertThat(kept.get(kept.size() - 1).id()).isEqualTo(12);
        assertThat(r.evictedExchanges()).isEqualTo(12 - kept.size());
        assertThat(r.exchange(2)).isEmpty();
        assertThat(r.applied()).isEqualTo(1 + 2 * 11);
        // a late fact for an evicted exchange is an orphan, counted, not a crash
        r.onEvent(new ExchangeEnded(2, 99, dev.roundtrip.trace.Outcome.COMPLETED, null, "late"));
        assertThat(r.orphans()).isEqualTo(1);
    }
}
