package dev.roundtrip.ui.compare;

import dev.roundtrip.record.ExchangeDiff;
import dev.roundtrip.text.Units;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.ui.composer.ComposedRequest;
import dev.roundtrip.ui.exchanges.ExchangeListViewModel;
import dev.roundtrip.ui.recordings.SessionViewModel;
import dev.roundtrip.ui.shell.LabPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Re-send: runs a recorded request (from the live session or a replay) again against the live
 * server and lays the new exchange beside the old one: status, headers, body and each stage's
 * duration, with what differs marked ({@link ExchangeDiff}).
 */
public final class ResendViewModel {
    static final dev.roundtrip.text.Texts.Bundle T = dev.roundtrip.text.Texts.of("dev.roundtrip.ui.compare.Texts");

    /** One line of the comparison table. */
    public record Row(String what, String recorded, String now, String change, boolean differs) {}

    private final LabPort live;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<Exchange> original = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Exchange> resent = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper originalLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper resentLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ExchangeDiff> diff = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private long generation;

    public ResendViewModel(LabPort live, Executor ui) {
        this.live = live;
        this.ui = ui;
    }

    /**
     * Sends {@code x}'s request again; the future completes (on {@code ui}) with the new exchange once
     * it has settled. In Step mode that is after the class has stepped through it.
     */
    public CompletableFuture<Exchange> resend(Exchange x, String from) {
        long mine = ++generation;
        original.set(x);
        resent.set(null);
        diff.set(null);
        rows.clear();
        originalLabel.set(T.get("label.recorded", String.valueOf(x.id()), x.request().summary(), from));
        resentLabel.set(T.get("label.waiting"));
        if (!live.canSend()) {
            state.set(T.get("state.noServer"));
            return CompletableFuture.failedFuture(new IllegalStateException("there is no server to send to"));
        }
        ComposedRequest request = ResendRequest.of(x);
        running.set(true);
        state.set(T.get("state.sending", request.summary(), live.describe()));
        CompletableFuture<Exchange> result = new CompletableFuture<>();
        live.sendAndSettle(request).whenCompleteAsync((now, failure) -> {
            if (mine != generation) { // a newer re-send replaced this one
                if (failure != null) result.completeExceptionally(failure); else result.complete(now);
                return;
            }
            running.set(false);
            if (failure != null) {
                String why = SessionViewModel.reason(failure);
                state.set(T.get("state.failed", why));
                resentLabel.set(T.get("label.notSent"));
                result.completeExceptionally(failure);
                return;
            }
            show(x, now);
            result.complete(now);
        }, ui);
        return result;
    }

    private void show(Exchange before, Exchange now) {
        ExchangeDiff d = ExchangeDiff.between(before, now);
        resent.set(now);
        diff.set(d);
        resentLabel.set(T.get("label.now", String.valueOf(now.id()), now.request().summary()));
        rows.setAll(rows(before, now, d));
        long changed = rows.stream().filter(Row::differs).count();
        long requestFields = d.differences().stream().filter(ExchangeDiff.Difference::ofRequest).count();
        String request = d.sameRequest() ? T.get("state.sameRequest") : T.get("state.otherRequest", requestFields);
        state.set(request + " " + (d.sameResponse() ? T.get("state.sameResponse", changed)
                : T.get("state.otherResponse", d.differences().size() - requestFields)) + otherProtocol(before, now));
    }

    /** Says how the two travelled when that differs (" It travelled as h2c this time, …"); empty when the same. */
    static String otherProtocol(Exchange before, Exchange now) {
        String then = ExchangeListViewModel.protocol(before);
        String went = ExchangeListViewModel.protocol(now);
        return then.equals(went) ? "" : " " + T.get("state.otherProtocol", then, went);
    }

    /**
     * Status first (always, so "same" is visible too), then how it travelled (HTTP/1.1, HTTPS, h2c, h2), then the request (one "same" row, or each
     * difference), then every response difference, then the stages.
     */
    static List<Row> rows(Exchange before, Exchange now, ExchangeDiff d) {
        List<Row> out = new ArrayList<>();
        out.add(same(T.get("row.status"), status(before), status(now)));
        out.add(same(T.get("row.protocol"), ExchangeListViewModel.protocol(before), ExchangeListViewModel.protocol(now)));
        if (d.sameRequest()) out.add(new Row(T.get("row.request"), before.request().summary(), now.request().summary(), T.get("same"), false));
        boolean headers = false;
        boolean body = false;
        for (ExchangeDiff.Difference f : d.differences()) {
            if (f.field().equals("status")) continue;
            headers |= f.field().startsWith("header ");
            body |= f.field().equals("body");
            out.add(new Row(capital(f.field()), f.before(), f.after(), T.get("differs"), true));
        }
        if (!headers) out.add(new Row(T.get("row.headers"), count(before), count(now), T.get("same"), false));
        if (!body) out.add(new Row(T.get("row.body"), bodySize(before), bodySize(now), T.get("same"), false));
        for (ExchangeDiff.StageDelta s : d.stages()) out.add(stage(T.get("row.stageTime", s.stage().wireName()), s.beforeNanos(), s.afterNanos()));
        out.add(stage(T.get("row.totalTime"), before.end().isPresent() ? before.durationNanos() : null, now.end().isPresent() ? now.durationNanos() : null));
        return out;
    }

    private static Row same(String what, String a, String b) {
        boolean differs = !a.equals(b);
        return new Row(what, a, b, T.get(differs ? "differs" : "same"), differs);
    }

    private static Row stage(String what, Long a, Long b) {
        String ra = a == null ? T.get("didNotRun") : Units.duration(a);
        String rb = b == null ? T.get("didNotRun") : Units.duration(b);
        if (a == null || b == null) return new Row(capital(what), ra, rb, T.get(a == b ? "same" : "differs"), a != b);
        long delta = b - a;
        if (delta == 0) return new Row(capital(what), ra, rb, T.get("same"), false);
        String pct = a > 0 ? String.format(Locale.ROOT, " (%+d%%)", Math.round(100.0 * delta / a)) : "";
        return new Row(capital(what), ra, rb, (delta > 0 ? "+" : "−") + Units.duration(Math.abs(delta)) + pct, true);
    }

    private static String status(Exchange x) {
        return x.response().map(r -> r.status() + " " + r.reason()).orElse(x.outcome().wireName());
    }

    private static String count(Exchange x) {
        return x.response().map(r -> T.get("headers", r.headers().size())).orElse(T.get("none"));
    }

    private static String bodySize(Exchange x) {
        return x.response().map(r -> Units.bytes(r.body().length)).orElse(T.get("none"));
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public ReadOnlyObjectProperty<Exchange> originalProperty() { return original.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Exchange> resentProperty() { return resent.getReadOnlyProperty(); }
    public ReadOnlyStringProperty originalLabelProperty() { return originalLabel.getReadOnlyProperty(); }
    public ReadOnlyStringProperty resentLabelProperty() { return resentLabel.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ExchangeDiff> diffProperty() { return diff.getReadOnlyProperty(); }
    public ObservableList<Row> rows() { return rows; }
}
