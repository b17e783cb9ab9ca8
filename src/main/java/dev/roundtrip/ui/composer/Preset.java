package dev.roundtrip.ui.composer;

import dev.roundtrip.text.Texts;
import java.util.List;

/** A ready-made request for one of the demo server's routes; {@code id} names it (and its texts). */
public record Preset(String id, String method, String target, String body, String raw) {
    static final Texts.Bundle T = Texts.of("dev.roundtrip.ui.composer.Texts");

    public static final List<Preset> ALL = List.of(
            new Preset("root", "GET", "/", "", null),
            new Preset("users1", "GET", "/users/1", "", null),
            new Preset("echo", "POST", "/echo", "Hello, echo!", null),
            new Preset("slow", "GET", "/slow?ms=1500", "", null),
            new Preset("big", "GET", "/big?kb=512", "", null),
            new Preset("fail", "GET", "/fail", "", null),
            new Preset("unknown", "GET", "/no/such/page", "", null),
            new Preset("malformed", "GET", "/", "", "GET /users/1\\r\\n\nHost: localhost\\r\\n\n\\r\\n\n"));

    /** The button's text ("/users/1", "unknown"), in the language in use. */
    public String label() {
        return T.get("preset." + id + ".label");
    }

    /** What the preset sends and what it shows. */
    public String tooltip() {
        return T.get("preset." + id + ".tooltip");
    }
}
