package dev.roundtrip.server;

import dev.roundtrip.trace.Phrase;
import java.nio.charset.StandardCharsets;

/** What the demo application answers, before it is encoded as HTTP; {@code detail} says it to the student (server.app.* texts). */
public record AppResponse(int status, String contentType, byte[] body, Phrase detail) {
    static final String TEXT = "text/plain; charset=utf-8";
    static final String JSON = "application/json";

    public static AppResponse text(int status, String text, Phrase detail) {
        return new AppResponse(status, TEXT, text.getBytes(StandardCharsets.UTF_8), detail);
    }

    public static AppResponse json(int status, String json, Phrase detail) {
        return new AppResponse(status, JSON, json.getBytes(StandardCharsets.UTF_8), detail);
    }
}
