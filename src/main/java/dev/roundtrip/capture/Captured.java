package dev.roundtrip.capture;

import dev.roundtrip.trace.Phrase;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.Header;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.RequestInfo;
import dev.roundtrip.trace.ResponseInfo;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.StageEvent;
import dev.roundtrip.wire.Tracing;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One captured exchange: the foreign client's request as read, as forwarded, the foreign server's
 * response as read and as relayed, and the tallies of each stage. Touched only on the event loop of
 * the client's connection (the upstream connection shares that loop).
 */
final class Captured {
    final long id;
    final long clientConnection;
    long upstreamConnection;
    final Tally parse;
    final Tally send;
    final Tally interpret;
    final Tally respond;
    final KeptBody requestBody;
    final KeptBody responseBody;

    /** The request as the client sent it, and as forwarded (null until its head is decoded). */
    HttpRequest request;
    HttpRequest forwarded;
    List<String> removedFromRequest = List.of();
    /** A forward proxy's request named the whole URL: upstream it becomes this path, with this Host. */
    String originForm;
    String authority;
    /** The final response as the foreign server sent it, and as relayed to the client. */
    HttpResponse received;
    HttpResponse relayed;

    boolean requestDone;
    boolean sendBegun;
    boolean sendEnded;
    boolean processBegun;
    boolean firstResponseByte;
    boolean responseDone;
    boolean respondBegun;
    boolean ended;
    /** The client asked to keep its connection and nothing in the response stops it. */
    boolean keepClient;
    long sendEndNanos;

    Captured(long id, long clientConnection, Tracing t, int keep) {
        this.id = id;
        this.clientConnection = clientConnection;
        parse = new Tally(t.probes(), keep);
        send = new Tally(t.probes(), keep);
        interpret = new Tally(t.probes(), keep);
        respond = new Tally(t.probes(), keep);
        requestBody = new KeptBody(keep);
        responseBody = new KeptBody(keep);
    }

    StageEvent.Builder event(Tracing t, Stage stage, Phase phase, Actor actor) {
        return StageEvent.of(id, connection(stage), stage, phase, actor, t.clock());
    }

    private long connection(Stage stage) {
        return stage == Stage.SEND || stage == Stage.PROCESS || stage == Stage.INTERPRET ? upstreamConnection : clientConnection;
    }

    /** An event stamped at {@code tNanos}, a moment taken earlier: both ends of the outside-measured process stage are such moments. */
    StageEvent at(Tracing t, long tNanos, Stage stage, Phase phase, Actor actor, Phrase detail) {
        return StageEvent.at(id, connection(stage), stage, phase, actor, tNanos).detail(detail).build();
    }

    boolean head() {
        return request != null && request.method().name().equals("HEAD");
    }

    RequestInfo requestInfo() {
        return new RequestInfo(request.method().name(), request.uri(), headers(request.headers()), requestBody.bytes(), null);
    }

    RequestInfo forwardedInfo() {
        return new RequestInfo(forwarded.method().name(), forwarded.uri(), headers(forwarded.headers()), requestBody.bytes(), null);
    }

    ResponseInfo receivedInfo() {
        return received == null ? null
                : new ResponseInfo(received.status().code(), received.status().reasonPhrase(), headers(received.headers()), responseBody.bytes());
    }

    ResponseInfo relayedInfo() {
        return relayed == null ? null
                : new ResponseInfo(relayed.status().code(), relayed.status().reasonPhrase(), headers(relayed.headers()),
                        head() ? new byte[0] : responseBody.bytes());
    }

    static List<Header> headers(HttpHeaders h) {
        List<Header> out = new ArrayList<>();
        for (Map.Entry<String, String> e : h) out.add(Header.shared(e.getKey(), e.getValue()));
        return out;
    }
}
