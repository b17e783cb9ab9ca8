package dev.roundtrip.server;

import java.nio.charset.StandardCharsets;

/** What the demo application answers, before it is encoded as HTTP. */
public record AppResponse(int status, String contentType, byte[] body, String detail) {
    public static AppResponse text(int status, String text, String detail) {
        return new AppResponse(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), detail);
    }

    public static AppResponse json(int status, String json, String detail) {
        return new AppResponse(status, "application/json", json.getBytes(StandardCharsets.UTF_8), detail);
    }
}
