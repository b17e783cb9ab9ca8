package dev.roundtrip.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Equal bytes, bodies and header lists of many exchanges are kept once, and each still reads as it was given. */
class SharedReadoutsTest {
    private static final byte[] REQUEST = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void equalSocketBytesAreKeptOnceAndEachEventStillHasItsOwnBytes() {
        StageEvent a = read(BytesReadout.adopting(REQUEST.length, REQUEST.clone()));
        byte[] fresh = REQUEST.clone();
        StageEvent b = read(BytesReadout.adopting(REQUEST.length, fresh));
        assertThat(b.bytes()).isSameAs(a.bytes());
        fresh[0] = 'P'; // the caller's array is not what the event kept once it was shared
        assertThat(b.bytes().data()).isEqualTo(REQUEST);
        b.bytes().data()[1] = 'X'; // nor can a reader change what is kept
        assertThat(a.bytes().data()).isEqualTo(REQUEST);

        byte[] other = REQUEST.clone();
        other[REQUEST.length - 5] = '2';
        StageEvent c = read(BytesReadout.adopting(other.length, other));
        assertThat(c.bytes()).isNotSameAs(a.bytes());
        assertThat(c.bytes().data()).isEqualTo(other);
        StageEvent truncated = read(BytesReadout.adopting(REQUEST.length + 10, REQUEST.clone()));
        assertThat(truncated.bytes().count()).as("the same bytes of a longer read are another readout").isEqualTo(REQUEST.length + 10);
        assertThat(truncated.bytes().truncated()).isTrue();
    }

    @Test
    void equalResponsesShareTheirHeadersAndBodyAndReadTheSame() {
        byte[] body = "Hello from roundtrip".getBytes(StandardCharsets.UTF_8);
        List<Header> head = List.of(new Header("Content-Type", "text/plain"), new Header("Content-Length", "20"));
        ResponseInfo one = new ResponseInfo(200, "OK", new java.util.ArrayList<>(head), body);
        body[0] = 'J'; // the response keeps a copy, as before
        ResponseInfo two = new ResponseInfo(200, "OK", new java.util.ArrayList<>(head), "Hello from roundtrip".getBytes(StandardCharsets.UTF_8));
        assertThat(two.headers()).isSameAs(one.headers()).isEqualTo(head);
        assertThat(one.body()).isEqualTo(two.body()).asString(StandardCharsets.UTF_8).isEqualTo("Hello from roundtrip");
        ResponseInfo other = new ResponseInfo(200, "OK", List.of(new Header("Content-Type", "text/html")), new byte[0]);
        assertThat(other.headers()).containsExactly(new Header("Content-Type", "text/html"));
        assertThat(other.body()).isEmpty();
        assertThat(new RequestInfo("GET", "/", head, null, null).headers()).isSameAs(one.headers());
    }

    @Test
    void aConnectionsRepeatedWritesInTurnAreTheSharedReadoutsOfAnyConnection() {
        byte[] head = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] body = "hello".getBytes(StandardCharsets.US_ASCII);
        RecentBytes first = new RecentBytes();
        RecentBytes second = new RecentBytes();
        BytesReadout h1 = first.of(head.length, head.clone());
        BytesReadout b1 = first.of(body.length, body.clone());
        // head and body written in turn: each is the one before, not a new readout
        assertThat(first.of(head.length, head.clone())).isSameAs(h1);
        assertThat(first.of(body.length, body.clone())).isSameAs(b1);
        // another connection writing the same bytes gets the instance kept for them: its events need no lookup
        BytesReadout h2 = second.of(head.length, head.clone());
        assertThat(h2).isSameAs(read(h1).bytes());
        assertThat(h2.shared).isTrue();
        assertThat(second.of(head.length + 1, head.clone()).count()).as("more crossed than kept: another readout").isEqualTo(head.length + 1);
        byte[] changed = body.clone();
        changed[0] = 'j';
        assertThat(first.of(body.length, changed).data()).isEqualTo(changed);
    }

    @Test
    void aSpeakersPhrasesInTurnAreTheSharedInstanceOfAnySpeaker() {
        RepeatedPhrase one = new RepeatedPhrase("server.socketWrite");
        RepeatedPhrase two = new RepeatedPhrase("server.socketWrite");
        Phrase w1 = one.of(1, 38);
        Phrase w2 = one.of(2, 5);
        assertThat(one.of(1, 38)).isSameAs(w1);
        assertThat(one.of(2L, 5)).as("numbers by value").isSameAs(w2);
        assertThat(two.of(1, 38)).isSameAs(w1);
        assertThat(w1.shared).isTrue();
        assertThat(one.of(3, 5)).isNotSameAs(w2).isEqualTo(Phrase.of("server.socketWrite", 3, 5));
        assertThat(one.of(1, 38).english()).isEqualTo(Phrase.of("server.socketWrite", 1, 38).english());
    }

    private static StageEvent read(BytesReadout bytes) {
        return StageEvent.at(1, 1, Stage.PARSE, Phase.PROGRESS, Actor.SERVER, 5).said("server.socketRead", 1, bytes.count()).bytes(bytes).build();
    }
}
