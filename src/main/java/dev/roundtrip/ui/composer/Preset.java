package dev.roundtrip.ui.composer;

import java.util.List;

/** A ready-made request for one of the demo server's routes. */
public record Preset(String label, String method, String target, String body, String raw, String tooltip) {
    public static final List<Preset> ALL = List.of(
            new Preset("/", "GET", "/", "", null, "GET / — Hello, world!"),
            new Preset("/users/1", "GET", "/users/1", "", null, "A user read from the database (SQL)"),
            new Preset("/echo", "POST", "/echo", "Hello, echo!", null, "POST a body; the server sends it back"),
            new Preset("/slow", "GET", "/slow?ms=1500", "", null, "The server waits 1.5 s before answering"),
            new Preset("/big", "GET", "/big?kb=512", "", null, "A 512 KiB response: many writes and reads"),
            new Preset("/fail", "GET", "/fail", "", null, "The handler throws: 500"),
            new Preset("unknown", "GET", "/no/such/page", "", null, "An unknown path: 404"),
            new Preset("malformed", "GET", "/", "", "GET /users/1\\r\\n\nHost: localhost\\r\\n\n\\r\\n\n",
                    "Raw bytes without an HTTP version: 400"));
}
