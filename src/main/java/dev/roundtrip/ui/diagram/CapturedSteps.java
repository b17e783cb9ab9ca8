package dev.roundtrip.ui.diagram;

import dev.roundtrip.text.Printable;
import dev.roundtrip.text.Units;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.ResponseInfo;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.trace.UpstreamHop;
import java.util.ArrayList;
import java.util.List;

/**
 * The diagram of a captured exchange, as record's CapturedScript tells it: the foreign client's request
 * into Roundtrip's server side, forwarded by its client side to the foreign server, whose time is only
 * known from outside, and the response back the same way. One row per stage, in the order the bytes travel.
 */
final class CapturedSteps {
    private CapturedSteps() {}

    static DiagramScript of(Exchange x) {
        UpstreamHop hop = x.upstream().orElseThrow();
        String server = Printable.escape(hop.server().describe());
        Severity severity = DiagramScript.severityOf(x);
        List<DiagramStep> steps = new ArrayList<>();
        for (Stage stage : DiagramScript.CAPTURE_ORDER) {
            List<StageEvent> events = x.events().stream().filter(e -> e.stage() == stage).toList();
            if (!events.isEmpty()) steps.add(step(x, hop, stage, events));
        }
        ExchangeEnded end = x.end().orElse(null);
        if (end != null && severity.isError() && end.response() == null) {
            // the proxy gave up: the last step says why, unless it failed with its own reason already
            String problem = DiagramScript.labelled(severity, Printable.escape(end.detail(dev.roundtrip.text.Texts.locale())));
            DiagramStep last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
            if (last == null) {
                steps.add(new DiagramStep(Stage.RESPOND, Actor.SERVER, Actor.FOREIGN_CLIENT, List.of(Actor.SERVER_KERNEL),
                        DiagramScript.T.get("roundtripGivesUp"), DiagramScript.T.get("afterStart", Units.duration(end.tNanos() - x.startedNanos())),
                        x.startedNanos(), end.tNanos(), 0, 0, problem, List.of()));
            } else if (!last.failed()) {
                steps.set(steps.size() - 1, DiagramScript.withProblem(last, problem));
            }
        }
        return new DiagramScript(x.id(), DiagramScript.T.get("capture.title", Printable.escape(x.request().summary(dev.roundtrip.text.Texts.locale())), server), steps, severity,
                DiagramScript.outcomeText(x, severity), DiagramScript.heldBefore(x), DiagramScript.CAPTURE);
    }

    private static DiagramStep step(Exchange x, UpstreamHop hop, Stage stage, List<StageEvent> events) {
        DiagramScript.Span s = DiagramScript.Span.of(stage, events);
        Actor from;
        Actor to;
        List<Actor> via;
        String title;
        String figures;
        String problem = s.problem();
        String time = Units.duration(s.duration());
        switch (stage) {
            case PARSE:
                from = Actor.FOREIGN_CLIENT;
                to = Actor.SERVER;
                via = List.of(Actor.SERVER_KERNEL);
                title = Printable.escape(x.request().summary(dev.roundtrip.text.Texts.locale()));
                figures = DiagramScript.figures(s.bytes(), s.ops(), "reads", time);
                break;
            case SEND:
                from = Actor.SERVER;
                to = Actor.FOREIGN_SERVER;
                via = List.of(Actor.CLIENT, Actor.CLIENT_KERNEL);
                title = DiagramScript.T.get("capture.forward", Printable.escape(hop.request().summary(dev.roundtrip.text.Texts.locale())));
                if (s.problem() != null && s.bytes() == 0) {
                    // refused, or no route: nothing left Roundtrip's kernel, so the arrow stops there
                    to = Actor.CLIENT_KERNEL;
                    via = List.of(Actor.CLIENT);
                }
                figures = DiagramScript.figures(s.bytes(), s.ops(), "writes", time);
                break;
            case PROCESS:
                from = Actor.FOREIGN_SERVER;
                to = Actor.FOREIGN_SERVER;
                via = List.of();
                title = DiagramScript.T.get("capture.process");
                figures = DiagramScript.T.get("capture.process.figures", s.ended() ? time : DiagramScript.T.get("capture.noAnswer"));
                break;
            case INTERPRET: {
                ResponseInfo received = hop.response();
                from = Actor.FOREIGN_SERVER;
                to = Actor.CLIENT;
                via = List.of(Actor.CLIENT_KERNEL);
                title = received != null ? received.status() + " " + Printable.escape(received.reason()) : DiagramScript.T.get("response");
                figures = DiagramScript.figures(s.bytes(), s.ops(), "reads", time);
                break;
            }
            default: {
                ResponseInfo response = x.response().orElse(null);
                from = Actor.CLIENT;
                to = Actor.FOREIGN_CLIENT;
                via = List.of(Actor.SERVER, Actor.SERVER_KERNEL);
                title = response != null ? response.status() + " " + Printable.escape(response.reason()) : DiagramScript.T.get("response");
                if (problem == null && response != null && response.isError()) problem = title;
                figures = DiagramScript.figures(s.bytes(), s.ops(), "writes", time);
            }
        }
        if (s.onlyError()) {
            // nothing ran in this stage; what counts is when it gave up
            title = stage.wireName();
            figures = DiagramScript.T.get("after", Units.duration(s.begin() - x.startedNanos()));
        }
        return new DiagramStep(stage, from, to, via, title, figures, s.begin(), s.end(), s.bytes(), s.ops(), problem, s.sql());
    }
}
