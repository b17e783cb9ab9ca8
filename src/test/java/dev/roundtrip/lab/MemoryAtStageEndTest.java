package dev.roundtrip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.record.Recording;
import dev.roundtrip.record.RecordingJson;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.MemoryReadout;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One memory readout per stage and side, at its end: a begin or a socket read would have said what the
 * stage allocated so far, and the end says it for the whole stage. Files written with a readout on every
 * event are still read with them.
 */
class MemoryAtStageEndTest {
    private static final List<Stage> STAGES = List.of(Stage.SEND, Stage.PARSE, Stage.PROCESS, Stage.RESPOND, Stage.INTERPRET);

    @Test
    void eachStageEndsWithTheMemoryOfTheWholeStageAndItsOtherEventsCarryNone() throws Exception {
        try (Lab lab = Lab.start()) {
            Exchange x = Facts.settle(lab, lab.send(RequestSpec.get("/")).exchangeId());
            for (Stage s : STAGES) {
                List<StageEvent> ends = Facts.of(x, s, Phase.END);
                assertThat(ends).as(s + " ends once").hasSize(1);
                MemoryReadout m = ends.get(0).memory();
                assertThat(m).as(s + " end").isNotNull();
                assertThat(m.allocatedBytes()).as(s + " program bytes").isNotNull().isNotNegative();
                assertThat(m.instrumentAllocatedBytes()).as(s + " instrument bytes").isNotNull().isNotNegative();
                assertThat(m.heapUsed()).isPositive();
                for (StageEvent e : Facts.of(x, s)) {
                    if (e.phase() == Phase.BEGIN || e.phase() == Phase.PROGRESS) assertThat(e.memory()).as(e.toString()).isNull();
                }
            }
            // the respond stage's socket write is part of what its end counts: the stage's program bytes are those of GET /
            assertThat(Facts.of(x, Stage.RESPOND, Phase.PROGRESS)).isNotEmpty();
        }
    }

    @Test
    void aProgressEventOfAnOlderFileStillReadsAsTheStageSoFar() throws Exception {
        byte[] file;
        long exchangeId;
        try (Lab lab = Lab.start()) {
            exchangeId = Facts.settle(lab, lab.send(RequestSpec.get("/")).exchangeId()).id();
            file = RecordingJson.toBytes(lab.recording());
        }
        // as files were written before: the server's socket read carries the parse stage's memory so far
        ObjectMapper json = new ObjectMapper();
        JsonNode root = json.readTree(file);
        ObjectNode read = null;
        JsonNode parseEnd = null;
        for (JsonNode x : root.get("exchanges")) {
            for (JsonNode e : x.get("events")) {
                if (!e.path("stage").asText().equals("parse")) continue;
                if (e.path("phase").asText().equals("progress") && read == null) read = (ObjectNode) e;
                if (e.path("phase").asText().equals("end")) parseEnd = e;
            }
        }
        assertThat(read).as("a socket read in the file").isNotNull();
        assertThat(read.has("memory")).as("written without its own readout").isFalse();
        ObjectNode soFar = ((ObjectNode) parseEnd.get("memory")).deepCopy();
        long whole = soFar.get("allocatedBytes").asLong();
        soFar.put("allocatedBytes", whole / 2);
        read.set("memory", soFar);

        Recording reread = RecordingJson.read(json.writeValueAsBytes(root), "older.roundtrip.json");
        Exchange x = reread.exchange(exchangeId).orElseThrow();
        StageEvent progress = Facts.of(x, Stage.PARSE, Phase.PROGRESS).get(0);
        assertThat(progress.memory()).as("the older file's readout is kept").isNotNull();
        assertThat(progress.memory().allocatedBytes()).isEqualTo(whole / 2)
                .isLessThanOrEqualTo(Facts.of(x, Stage.PARSE, Phase.END).get(0).memory().allocatedBytes());
    }
}
