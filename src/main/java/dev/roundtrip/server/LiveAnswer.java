package dev.roundtrip.server;

import java.util.concurrent.CompletableFuture;

/**
 * What a real-time route answers: a response now (a poll, a refusal), one later (a long poll that
 * waits for an update), or a stream that goes on after its head (SSE, a WebSocket). Exactly one is set.
 */
record LiveAnswer(AppResponse now, CompletableFuture<AppResponse> later, LiveExchange.Opener stream) {
    static LiveAnswer now(AppResponse r) {
        return new LiveAnswer(r, null, null);
    }

    static LiveAnswer later(CompletableFuture<AppResponse> r) {
        return new LiveAnswer(null, r, null);
    }

    static LiveAnswer stream(LiveExchange.Opener s) {
        return new LiveAnswer(null, null, s);
    }
}
