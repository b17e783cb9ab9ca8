package dev.roundtrip.record;

import dev.roundtrip.record.SequenceScript.Activate;
import dev.roundtrip.record.SequenceScript.Arrow;
import dev.roundtrip.record.SequenceScript.Block;
import dev.roundtrip.record.SequenceScript.Deactivate;
import dev.roundtrip.record.SequenceScript.Highlight;
import dev.roundtrip.record.SequenceScript.Lifeline;
import dev.roundtrip.record.SequenceScript.Message;
import dev.roundtrip.record.SequenceScript.Note;
import dev.roundtrip.record.SequenceScript.Section;
import dev.roundtrip.record.SequenceScript.Side;
import dev.roundtrip.record.SequenceScript.Step;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.ResponseInfo;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.trace.UpstreamHop;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The steps of a captured exchange: the foreign client's request into Roundtrip's server side, forwarded
 * by its client side to the foreign server, whose time is a note measured from outside, and the
 * response back the same way. Blocks are ordered by the time their stage began, as for the engine's own.
 */
final class CapturedScript {
    private CapturedScript() {}

    static List<Step> exchange(Exchange x) {
        UpstreamHop hop = x.upstream().orElseThrow();
        StageTimes times = StageTimes.of(x);
        List<StageEvent> events = x.events();
        ResponseInfo response = x.response().orElse(null);
        ResponseInfo received = hop.response();
        boolean failed = SequenceScript.failed(x);
        String server = hop.server().describe();
        List<Block> blocks = new ArrayList<>();
        int[] order = {0};

        times.get(Stage.PARSE).ifPresent(s -> {
            List<Step> b = new ArrayList<>();
            b.add(new Message(Lifeline.FOREIGN_CLIENT, Lifeline.SERVER_KERNEL, Arrow.CALL, x.request().summary() + bytes(s)));
            b.add(new Message(Lifeline.SERVER_KERNEL, Lifeline.SERVER, Arrow.CALL, "parse" + (s.bytes() > 0 ? " (" + s.bytes() + " bytes read)" : "")));
            b.add(SequenceScript.stageNote(Side.RIGHT, Lifeline.SERVER, s, SequenceScript.lastDetail(events, Stage.PARSE)));
            blocks.add(new Block(s.beginNanos(), order[0]++, b));
        });
        times.get(Stage.SEND).ifPresent(s -> {
            List<Step> b = new ArrayList<>();
            b.add(new Message(Lifeline.SERVER, Lifeline.CLIENT, Arrow.CALL, "forward (hop-by-hop fields removed, Via added)"));
            b.add(new Message(Lifeline.CLIENT, Lifeline.CLIENT_KERNEL, Arrow.CALL, "send" + bytes(s)));
            b.add(new Message(Lifeline.CLIENT_KERNEL, Lifeline.FOREIGN_SERVER, s.failed() ? Arrow.LOST : Arrow.CALL,
                    (s.bytes() > 0 ? s.bytes() + " bytes" : "request") + " " + SequenceScript.path(x)));
            b.add(SequenceScript.stageNote(Side.LEFT, Lifeline.CLIENT, s, SequenceScript.lastDetail(events, Stage.SEND)));
            blocks.add(new Block(s.beginNanos(), order[0]++, b));
        });
        times.get(Stage.PROCESS).ifPresent(s -> {
            List<Step> b = new ArrayList<>();
            b.add(new Activate(Lifeline.FOREIGN_SERVER));
            String took = s.durationNanos().map(dev.roundtrip.text.Units::duration).orElse("did not answer");
            b.add(new Note(Side.OVER, Lifeline.FOREIGN_SERVER, null, (s.failed() ? "ERROR " : "") + server + ": " + took
                    + ", measured from outside (last request byte written to first response byte read)", s.failed()));
            b.add(new Deactivate(Lifeline.FOREIGN_SERVER));
            blocks.add(new Block(s.beginNanos(), order[0]++, b));
        });
        times.get(Stage.INTERPRET).ifPresent(s -> {
            List<Step> b = new ArrayList<>();
            String status = received != null ? " " + received.status() + " " + received.reason() : "";
            b.add(new Message(Lifeline.FOREIGN_SERVER, Lifeline.CLIENT_KERNEL, s.failed() ? Arrow.LOST : Arrow.REPLY, "response" + status + bytes(s)));
            b.add(new Message(Lifeline.CLIENT_KERNEL, Lifeline.CLIENT, Arrow.REPLY, "interpret" + status));
            b.add(SequenceScript.stageNote(Side.LEFT, Lifeline.CLIENT, s, SequenceScript.lastDetail(events, Stage.INTERPRET)));
            blocks.add(new Block(s.beginNanos(), order[0]++, b));
        });
        times.get(Stage.RESPOND).ifPresent(s -> {
            List<Step> b = new ArrayList<>();
            String status = response != null ? " " + response.status() + " " + response.reason() : "";
            b.add(new Message(Lifeline.CLIENT, Lifeline.SERVER, Arrow.REPLY, "relay" + status));
            b.add(new Message(Lifeline.SERVER, Lifeline.SERVER_KERNEL, Arrow.CALL, "write" + bytes(s)));
            b.add(new Message(Lifeline.SERVER_KERNEL, Lifeline.FOREIGN_CLIENT, s.failed() ? Arrow.LOST : Arrow.REPLY, "response" + status));
            b.add(SequenceScript.stageNote(Side.RIGHT, Lifeline.SERVER, s, SequenceScript.lastDetail(events, Stage.RESPOND)));
            blocks.add(new Block(s.beginNanos(), order[0]++, b));
        });
        ExchangeEnded end = x.end().orElse(null);
        if (end != null && end.outcome() != Outcome.COMPLETED) {
            blocks.add(new Block(end.tNanos(), order[0]++, List.of(new Note(Side.OVER, Lifeline.FOREIGN_CLIENT, null,
                    end.outcome().wireName().toUpperCase(java.util.Locale.ROOT) + ": " + end.detail(), true))));
        } else if (end == null) {
            blocks.add(new Block(Long.MAX_VALUE, order[0]++, List.of(new Note(Side.OVER, Lifeline.FOREIGN_CLIENT, null,
                    "still under way when recorded", false))));
        }
        blocks.sort(Comparator.comparingLong(Block::t).thenComparingInt(Block::order));
        List<Step> out = new ArrayList<>();
        out.add(new Section(SequenceScript.summary(x) + " via " + server, failed));
        if (failed) out.add(new Highlight(true, "failed: " + SequenceScript.summary(x)));
        for (Block b : blocks) out.addAll(b.steps());
        if (failed) out.add(new Highlight(false, ""));
        return out;
    }

    private static String bytes(StageTimes.Span s) {
        return s.bytes() > 0 ? " (" + s.bytes() + " bytes)" : "";
    }
}
