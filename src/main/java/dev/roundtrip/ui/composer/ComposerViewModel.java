package dev.roundtrip.ui.composer;

import dev.roundtrip.ui.util.Language;
import dev.roundtrip.text.ByteEscapes;
import dev.roundtrip.trace.Header;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The request being composed: structured (method, target, headers, body) or raw bytes. */
public final class ComposerViewModel {
    public static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH");

    private final StringProperty method = new SimpleStringProperty("GET");
    private final StringProperty target = new SimpleStringProperty("/users/1");
    private final StringProperty headers = new SimpleStringProperty("Accept: */*");
    private final StringProperty body = new SimpleStringProperty("");
    private final BooleanProperty rawMode = new SimpleBooleanProperty(false);
    /** Send over TLS to the server's https port. */
    private final BooleanProperty tls = new SimpleBooleanProperty(false);
    /** HTTP/1.1 or HTTP/2; raw bytes are HTTP/1.1 text, so raw mode sends HTTP/1.1 whatever is chosen here. */
    private final ObjectProperty<Protocol> protocol = new SimpleObjectProperty<>(Protocol.HTTP_1_1);
    private final ReadOnlyStringWrapper protocolSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<Protocol> protocols = FXCollections.observableArrayList(Protocol.values());
    private final StringProperty rawText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper rawSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<Preset> presets = FXCollections.observableArrayList(Preset.ALL);

    public ComposerViewModel() {
        rawSummary.bind(Bindings.createStringBinding(this::describeRaw, rawText, Language.localeProperty()));
        protocolSummary.bind(Bindings.createStringBinding(this::describeProtocol, protocol, tls, rawMode, Language.localeProperty()));
        rawMode.addListener((o, a, on) -> {
            if (on && rawText.get().isBlank()) rawText.set(ByteEscapes.format(structuredBytes()));
        });
    }

    public void apply(Preset p) {
        problem.set("");
        if (p.raw() != null) {
            rawText.set(p.raw());
            rawMode.set(true);
            return;
        }
        rawMode.set(false);
        method.set(p.method());
        target.set(p.target());
        body.set(p.body());
    }

    /** The request to send, or empty with {@link #problemProperty()} saying what is wrong. */
    public Optional<ComposedRequest> compose() {
        try {
            ComposedRequest r = rawMode.get()
                    ? new ComposedRequest("", "", List.of(), null, rawBytes(), tls.get(), Protocol.HTTP_1_1)
                    : new ComposedRequest(method.get().trim(), target.get().trim(), parseHeaders(headers.get()),
                            body.get().getBytes(StandardCharsets.UTF_8), null, tls.get(), protocol.get());
            if (!r.isRaw() && r.method().isEmpty()) throw new IllegalArgumentException(Preset.T.get("problem.method"));
            if (!r.isRaw() && !r.target().startsWith("/")) throw new IllegalArgumentException(Preset.T.get("problem.target"));
            if (r.isRaw() && r.raw().length == 0) throw new IllegalArgumentException(Preset.T.get("problem.rawEmpty"));
            problem.set("");
            return Optional.of(r);
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return Optional.empty();
        }
    }

    /** The language changed: a problem on show is said again in it. */
    public void languageChanged() {
        if (!problem.get().isEmpty()) compose();
    }

    /** "Name: value" per line; blank lines are skipped. */
    static List<Header> parseHeaders(String text) {
        List<Header> list = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) continue;
            int colon = line.indexOf(':');
            if (colon <= 0) throw new IllegalArgumentException(Preset.T.get("problem.header", i + 1, line));
            list.add(new Header(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
        }
        return list;
    }

    /** The structured request as a client would write it, to start raw mode from something valid. */
    private byte[] structuredBytes() {
        StringBuilder sb = new StringBuilder();
        sb.append(method.get()).append(' ').append(target.get()).append(" HTTP/1.1\r\nHost: localhost\r\n");
        try {
            for (Header h : parseHeaders(headers.get())) sb.append(h.name()).append(": ").append(h.value()).append("\r\n");
        } catch (IllegalArgumentException ignored) {
            // a broken header line is left out of the starting point; compose() reports it
        }
        byte[] b = body.get().getBytes(StandardCharsets.UTF_8);
        if (b.length > 0) sb.append("Content-Length: ").append(b.length).append("\r\n");
        sb.append("\r\n").append(body.get());
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The raw text's bytes ({@link ByteEscapes}); a mistake is named as "Raw bytes, line …". */
    private byte[] rawBytes() {
        try {
            return ByteEscapes.parse(rawText.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Preset.T.get("problem.raw", e.getMessage()), e);
        }
    }

    /** What the request will travel as; in raw mode HTTP/1.1, said so. */
    private String describeProtocol() {
        Protocol p = rawMode.get() ? Protocol.HTTP_1_1 : protocol.get();
        String what = p.describe(tls.get());
        return rawMode.get() && protocol.get() != Protocol.HTTP_1_1 ? Preset.T.get("protocol.rawIsHttp1", what) : what;
    }

    private String describeRaw() {
        try {
            return Preset.T.get("rawSummary", rawBytes().length);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    public StringProperty methodProperty() { return method; }
    public StringProperty targetProperty() { return target; }
    public StringProperty headersProperty() { return headers; }
    public StringProperty bodyProperty() { return body; }
    public BooleanProperty rawModeProperty() { return rawMode; }
    public BooleanProperty tlsProperty() { return tls; }
    public StringProperty rawTextProperty() { return rawText; }
    public ObjectProperty<Protocol> protocolProperty() { return protocol; }
    public ObservableList<Protocol> protocols() { return protocols; }
    /** Whether the summary says more than the controls do: for HTTP/2 (h2c or h2), not for plain HTTP/1.1 or https. */
    public javafx.beans.binding.BooleanBinding protocolNoteShown() { return protocol.isEqualTo(Protocol.HTTP_2); }
    /** "HTTP/2 with prior knowledge (h2c)": what Send will use, in words. */
    public ReadOnlyStringProperty protocolSummaryProperty() { return protocolSummary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public ReadOnlyStringProperty rawSummaryProperty() { return rawSummary.getReadOnlyProperty(); }
    public ObservableList<Preset> presets() { return presets; }
}
