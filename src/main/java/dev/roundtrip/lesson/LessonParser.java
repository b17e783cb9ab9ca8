package dev.roundtrip.lesson;

import dev.roundtrip.gate.GateMode;
import dev.roundtrip.trace.Header;
import dev.roundtrip.trace.Phrase;
import dev.roundtrip.trace.Stage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns the YAML node tree of one lesson file into a {@link Lesson}, checking every field against
 * the format documented in {@code lessons/README.md}. Goes on after an error to report as many
 * as possible in one pass; the lesson is returned only when there were none.
 */
final class LessonParser {
    static final List<String> LESSON_FIELDS = List.of("id", "title", "level", "goals", "steps");
    static final List<String> STEP_FIELDS = List.of("id", "narration", "predict", "action", "with", "focus", "checkpoint");
    static final List<String> CHECKPOINT_FIELDS = List.of("question", "readout", "expect", "tolerance", "unit", "choices", "hints", "feedback");
    static final List<String> PREDICT_FIELDS = List.of("question", "readout", "expect", "tolerance", "unit", "choices", "feedback", "explain");
    static final List<String> EXPLAIN_FIELDS = List.of("question", "choices");
    static final List<String> CHOICE_FIELDS = List.of("text", "value", "correct", "feedback");
    static final List<String> FEEDBACK_FIELDS = List.of("correct", "wrong", "notes");
    static final List<String> NOTE_FIELDS = List.of("when", "text");

    private final Problems problems;
    private final java.util.Map<String, Integer> stepIds = new java.util.HashMap<>();
    private int idLine;

    LessonParser(Problems problems) {
        this.problems = problems;
    }

    Optional<Lesson> parse(Node root, String expectedId) {
        Optional<YamlMap> m = YamlMap.of(root, "", problems);
        if (m.isEmpty()) return Optional.empty();
        YamlMap top = m.get();
        top.rejectUnknown(LESSON_FIELDS, null);
        String id = top.requiredText("id", Phrase.of("lesson.expect.id", expectedId)).orElse(null);
        top.get("id").ifPresent(n -> idLine = n.getStartMark().getLine() + 1);
        if (id != null && !id.equals(expectedId)) {
            problems.at(top.get("id").orElseThrow(), "id", Phrase.of("lesson.idMismatch", id, expectedId));
        }
        String title = top.requiredText("title", Phrase.of("lesson.expect.title")).orElse(null);
        Level level = level(top);
        List<String> goals = goals(top);
        List<Step> steps = steps(top);
        if (!problems.isEmpty() || id == null || title == null || level == null) return Optional.empty();
        return Optional.of(new Lesson(id, title, level, goals, steps, problems.file()));
    }

    /** The 1-based line of the id field, for errors found later (duplicates). */
    int idLine() {
        return idLine;
    }

    private Level level(YamlMap top) {
        String levels = names(Level.values());
        Optional<String> t = top.requiredText("level", Phrase.of("lesson.expect.oneOf", levels));
        if (t.isEmpty()) return null;
        for (Level l : Level.values()) if (l.wireName().equals(t.get())) return l;
        problems.at(top.get("level").orElseThrow(), "level", Phrase.of("lesson.unknownLevel", t.get(), levels));
        return null;
    }

    private List<String> goals(YamlMap top) {
        if (!top.has("goals")) {
            top.missing("goals", Phrase.of("lesson.expect.goals"));
            return List.of();
        }
        List<String> goals = top.texts("goals");
        if (goals.isEmpty() && top.get("goals").orElse(null) instanceof SequenceNode) {
            problems.at(top.get("goals").orElseThrow(), "goals", Phrase.of("lesson.atLeastOneGoal"));
        }
        return goals;
    }

    private List<Step> steps(YamlMap top) {
        if (!top.has("steps")) {
            top.missing("steps", Phrase.of("lesson.expect.steps"));
            return List.of();
        }
        Optional<SequenceNode> seq = top.sequence("steps");
        if (seq.isEmpty()) return List.of();
        if (seq.get().getValue().isEmpty()) problems.at(seq.get(), "steps", Phrase.of("lesson.atLeastOneStep"));
        List<Step> steps = new ArrayList<>();
        int n = 1;
        for (Node item : seq.get().getValue()) {
            step(item, n++).ifPresent(steps::add);
        }
        return steps;
    }

    private Optional<Step> step(Node node, int number) {
        String path = "steps[" + number + "]";
        Optional<YamlMap> m = YamlMap.of(node, path, problems);
        if (m.isEmpty()) return Optional.empty();
        YamlMap s = m.get();
        s.rejectUnknown(STEP_FIELDS, null);
        String id = stepId(s, number);
        String narration = s.requiredText("narration", Phrase.of("lesson.expect.narration")).orElse(null);
        Action action = action(s);
        List<Focus> focus = focus(s);
        Checkpoint checkpoint = s.get("checkpoint").flatMap(c -> checkpoint(c, s.child("checkpoint"), false)).orElse(null);
        Predict predict = s.get("predict").flatMap(p -> predict(p, s.child("predict"))).orElse(null);
        if (narration == null || action == null) return Optional.empty();
        return Optional.of(new Step(number, narration.strip(), action, focus, checkpoint, node.getStartMark().getLine() + 1, predict, id));
    }

    /** The optional short name translations use for the step: well formed and not used by another step. */
    private String stepId(YamlMap s, int number) {
        Optional<String> id = s.text("id");
        if (id.isEmpty()) return null;
        Node n = s.get("id").orElseThrow();
        if (!id.get().matches("[a-z0-9][a-z0-9-]*") || id.get().chars().noneMatch(Character::isLetter)) {
            problems.at(n, s.child("id"), Phrase.of("lesson.badStepId", id.get()));
            return null;
        }
        Integer first = stepIds.putIfAbsent(id.get(), number);
        if (first != null) {
            problems.at(n, s.child("id"), Phrase.of("lesson.stepIdTaken", id.get(), first));
            return null;
        }
        return id.get();
    }

    private List<Focus> focus(YamlMap s) {
        List<Focus> out = new ArrayList<>();
        Optional<Node> n = s.get("focus");
        if (n.isEmpty()) return out;
        List<Node> items = n.get() instanceof SequenceNode seq ? seq.getValue() : List.of(n.get());
        int i = 1;
        for (Node item : items) {
            String p = n.get() instanceof SequenceNode ? s.child("focus") + "[" + i + "]" : s.child("focus");
            i++;
            if (!(item instanceof ScalarNode sc)) {
                problems.at(item, p, Phrase.of("lesson.expectedFocus", YamlMap.said(item)));
                continue;
            }
            Optional<Focus> f = Focus.fromWireName(sc.getValue());
            if (f.isPresent()) out.add(f.get());
            else problems.at(item, p, Phrase.of("lesson.unknownFocus", sc.getValue(), String.join(", ", Focus.wireNames())));
        }
        return out;
    }

    // --- actions ---

    private Action action(YamlMap s) {
        Optional<Node> withNode = s.get("with");
        if (!s.has("action")) {
            if (withNode.isPresent()) problems.at(withNode.get(), s.child("with"), Phrase.of("lesson.withoutAction"));
            return new Action.Nothing();
        }
        Optional<String> name = s.text("action");
        if (name.isEmpty()) return null;
        Optional<ActionKind> kind = ActionKind.fromWireName(name.get());
        if (kind.isEmpty()) {
            problems.at(s.get("action").orElseThrow(), s.child("action"),
                    Phrase.of("lesson.unknownAction", name.get(), String.join(", ", ActionKind.wireNames())));
            return null;
        }
        ActionKind k = kind.get();
        YamlMap with;
        if (withNode.isPresent()) {
            if (k.parameters().isEmpty()) {
                problems.at(withNode.get(), s.child("with"), Phrase.of("lesson.noParameters", k.wireName()));
                return null;
            }
            Optional<YamlMap> w = YamlMap.of(withNode.get(), s.child("with"), problems);
            if (w.isEmpty()) return null;
            with = w.get();
            with.rejectUnknown(k.parameters(), Phrase.of("lesson.forAction", k.wireName()));
        } else {
            with = null;
        }
        int before = problems.count();
        Action a = build(k, with, s);
        return problems.count() > before ? null : a;
    }

    private Action build(ActionKind k, YamlMap w, YamlMap step) {
        switch (k) {
            case NONE: return new Action.Nothing();
            case STEP: return new Action.StepOnce();
            case RELEASE: return new Action.Release();
            case CANCEL: return new Action.Cancel();
            case PROBE: return new Action.Probe();
            default: break;
        }
        if (w == null) {
            if (k == ActionKind.SEND) {
                problems.at(step.node(), step.child("with"), Phrase.of("lesson.sendNeedsWith", "{target: /}"));
                return null;
            }
            if (k == ActionKind.RAW || k == ActionKind.GATE || k == ActionKind.WAIT || k == ActionKind.SERVER || k == ActionKind.CAPTURE
                    || k == ActionKind.STREAM) {
                problems.at(step.node(), step.child("with"), Phrase.of("lesson.actionNeedsWith", k.wireName(), String.join(", ", k.parameters())));
                return null;
            }
        }
        switch (k) {
            case SEND: return send(w);
            case RAW: {
                String text = w.requiredText("text", Phrase.of("lesson.expect.rawText")).orElse(null);
                Integer timeout = w.integer("timeoutMs", 1, 120_000).orElse(null);
                boolean wait = w.bool("wait").orElse(true);
                return text == null ? null : new Action.Raw(text, timeout, wait);
            }
            case SERVER: {
                Integer delay = w.integer("delayMs", 0, 10_000).orElse(null);
                Boolean noDelay = w.bool("tcpNoDelay").orElse(null);
                if (!w.has("delayMs") && !w.has("tcpNoDelay")) {
                    problems.at(w.node(), w.path(), Phrase.of("lesson.atLeastOneOf", "delayMs, tcpNoDelay"));
                }
                return new Action.Server(delay, noDelay);
            }
            case GATE: return gate(w);
            case WAIT: {
                if (!w.has("ms")) w.missing("ms", Phrase.of("lesson.expect.waitMs"));
                return w.integer("ms", 1, 30_000).map(Action.Pause::new).orElse(null);
            }
            case QUEUE: {
                Optional<YamlMap> q = Optional.ofNullable(w);
                int jobs = q.flatMap(x -> x.integer("jobs", 1, 200)).orElse(6);
                int consumers = q.flatMap(x -> x.integer("consumers", 1, 16)).orElse(2);
                int capacity = q.flatMap(x -> x.integer("capacity", 1, 100)).orElse(4);
                int workMs = q.flatMap(x -> x.integer("workMs", 0, 2_000)).orElse(50);
                int every = q.flatMap(x -> x.integer("produceEveryMs", 0, 1_000)).orElse(10);
                return new Action.Queue(jobs, consumers, capacity, workMs, every);
            }
            case CAPTURE: return capture(w);
            case STREAM: return stream(w);
            case REALTIME: {
                Optional<YamlMap> r = Optional.ofNullable(w);
                int updates = r.flatMap(x -> x.integer("updates", 1, 50)).orElse(10);
                int every = r.flatMap(x -> x.integer("everyMs", 50, 1_000)).orElse(300);
                int pollEvery = r.flatMap(x -> x.integer("pollEveryMs", 10, 5_000)).orElse(100);
                return new Action.Realtime(updates, every, pollEvery);
            }
            case NAGLE: {
                int rounds = Optional.ofNullable(w).flatMap(x -> x.integer("rounds", 3, 100)).orElse(10);
                return new Action.Nagle(rounds);
            }
            default: throw new IllegalStateException("unhandled action " + k);
        }
    }

    private Action stream(YamlMap w) {
        String route = w.requiredText("route", Phrase.of("lesson.expect.route")).orElse(null);
        if (route != null && !route.equals("events") && !route.equals("ws")) {
            problems.at(w.get("route").orElseThrow(), w.child("route"), Phrase.of("lesson.unknownRoute", route));
        }
        int messages = w.integer("messages", 1, 50).orElse(3);
        int timeout = w.integer("timeoutMs", 1, 120_000).orElse(10_000);
        return route == null ? null : new Action.Stream(route, messages, timeout);
    }

    private Action capture(YamlMap w) {
        String to = w.requiredText("to", Phrase.of("lesson.expect.captureTo")).orElse(null);
        if (to != null) {
            try {
                dev.roundtrip.capture.Target t = dev.roundtrip.capture.Target.parse(to);
                if (!t.isLoopback()) {
                    problems.at(w.get("to").orElseThrow(), w.child("to"), Phrase.of("lesson.notOnThisMachine", to));
                }
            } catch (dev.roundtrip.capture.Target.Refused e) {
                problems.at(w.get("to").orElseThrow(), w.child("to"), Phrase.of("lesson.badAddress", to, e.reason()));
            }
        }
        String method = w.text("method").orElse("GET");
        if (!method.matches("[A-Z]+")) {
            problems.at(w.get("method").orElse(w.node()), w.child("method"), Phrase.of("lesson.badMethod", method, "GET, HEAD"));
        }
        String target = w.text("target").orElse("/");
        if (!target.startsWith("/")) {
            problems.at(w.get("target").orElseThrow(), w.child("target"), Phrase.of("lesson.badPath", target));
        }
        Integer timeout = w.integer("timeoutMs", 1, 120_000).orElse(null);
        return to == null ? null : new Action.Capture(to, method, target, timeout);
    }

    private Action send(YamlMap w) {
        String method = w.text("method").orElse("GET");
        if (!method.matches("[A-Z]+")) {
            problems.at(w.get("method").orElse(w.node()), w.child("method"), Phrase.of("lesson.badMethod", method, "GET, POST, PUT, DELETE"));
        }
        String target = w.requiredText("target", Phrase.of("lesson.expect.target")).orElse(null);
        if (target != null && !target.startsWith("/")) {
            problems.at(w.get("target").orElseThrow(), w.child("target"), Phrase.of("lesson.badPath", target));
        }
        List<Header> headers = headers(w);
        String body = w.text("body").orElse(null);
        boolean keepAlive = w.bool("keepAlive").orElse(false);
        Integer timeout = w.integer("timeoutMs", 1, 120_000).orElse(null);
        int count = w.integer("count", 1, 50).orElse(1);
        boolean concurrent = w.bool("concurrent").orElse(false);
        int interval = w.integer("intervalMs", 0, 10_000).orElse(0);
        boolean wait = w.bool("wait").orElse(true);
        boolean tls = w.bool("tls").orElse(false);
        boolean http2 = w.bool("http2").orElse(false);
        if (http2 && w.has("keepAlive")) {
            problems.at(w.get("keepAlive").orElseThrow(), w.child("keepAlive"), Phrase.of("lesson.keepAliveHttp2"));
        }
        if (target == null) return null;
        return new Action.Send(method, target, headers, body, keepAlive, timeout, count, concurrent, interval, wait, tls, http2);
    }

    private List<Header> headers(YamlMap w) {
        List<Header> out = new ArrayList<>();
        Optional<Node> n = w.get("headers");
        if (n.isEmpty()) return out;
        if (!(n.get() instanceof MappingNode m)) {
            problems.at(n.get(), w.child("headers"), Phrase.of("lesson.expectedHeaders", YamlMap.said(n.get())));
            return out;
        }
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode v && !Tag.NULL.equals(v.getTag())) {
                out.add(new Header(k.getValue(), v.getValue()));
            } else {
                problems.at(t.getKeyNode(), w.child("headers"), Phrase.of("lesson.expectedHeader"));
            }
        }
        return out;
    }

    private Action gate(YamlMap w) {
        String modes = names(GateMode.values());
        Optional<String> modeText = w.requiredText("mode", Phrase.of("lesson.expect.oneOf", modes));
        GateMode mode = null;
        if (modeText.isPresent()) {
            for (GateMode g : GateMode.values()) if (g.name().equalsIgnoreCase(modeText.get())) mode = g;
            if (mode == null) problems.at(w.get("mode").orElseThrow(), w.child("mode"), Phrase.of("lesson.unknownGateMode", modeText.get(), modes));
        }
        Set<Stage> stages = EnumSet.noneOf(Stage.class);
        int i = 1;
        for (String s : w.texts("stages")) {
            Optional<Stage> st = Arrays.stream(Stage.values()).filter(x -> x.wireName().equals(s)).findFirst();
            String gated = names(Stage.gated().toArray(new Stage[0]));
            if (st.isPresent() && Stage.gated().contains(st.get())) {
                stages.add(st.get());
            } else if (st.isPresent()) { // connect and handshake run without a hold: a breakpoint there would never stop
                problems.at(w.get("stages").orElseThrow(), w.child("stages") + "[" + i + "]", Phrase.of("lesson.cannotHold", s, gated));
            } else {
                problems.at(w.get("stages").orElseThrow(), w.child("stages") + "[" + i + "]", Phrase.of("lesson.unknownStage", s, gated));
            }
            i++;
        }
        if (mode == GateMode.BREAKPOINTS && !w.has("stages")) {
            w.missing("stages", Phrase.of("lesson.expect.stages"));
        }
        if (mode != null && mode != GateMode.BREAKPOINTS && w.has("stages")) {
            problems.at(w.get("stages").orElseThrow(), w.child("stages"), Phrase.of("lesson.stagesOnlyBreakpoints", modeText.get(),
                    Phrase.of(mode == GateMode.STEP ? "lesson.holdsEveryStage" : "lesson.holdsNothing")));
        }
        return mode == null ? null : new Action.Gate(mode, stages);
    }

    // --- checkpoints ---

    /** A question; as a prediction ({@code predicting}) it must be tied to a readout and may carry 'explain'. */
    private Optional<Checkpoint> checkpoint(Node node, String path, boolean predicting) {
        Optional<YamlMap> m = YamlMap.of(node, path, problems);
        if (m.isEmpty()) return Optional.empty();
        YamlMap c = m.get();
        int before = problems.count();
        c.rejectUnknown(predicting ? PREDICT_FIELDS : CHECKPOINT_FIELDS, null);
        String question = c.requiredText("question", Phrase.of(predicting ? "lesson.expect.predictQuestion" : "lesson.expect.question")).orElse(null);
        List<String> hints = c.texts("hints");
        String readout = readout(c);
        Feedback feedback = feedback(c, readout);
        boolean readoutOk = readout != null || !c.has("readout");
        if (predicting && !c.has("readout")) {
            c.missing("readout", Phrase.of("lesson.expect.predictReadout"));
            return Optional.empty();
        }
        Checkpoint.Expect expect = expect(c, readout);
        if (c.has("choices")) {
            if (c.has("tolerance")) problems.at(c.get("tolerance").orElseThrow(), c.child("tolerance"), Phrase.of("lesson.onlyNumbers", "tolerance"));
            if (c.has("unit")) problems.at(c.get("unit").orElseThrow(), c.child("unit"), Phrase.of("lesson.onlyNumbers", "unit"));
            List<Checkpoint.Choice> choices = choices(c, readout != null || c.has("readout"));
            if (choices != null && readout != null) choicesMatchExpect(c, choices, expect);
            if (question == null || !readoutOk || choices == null || problems.count() > before) return Optional.empty();
            return Optional.of(new Checkpoint.MultipleChoice(question, readout, choices, hints, feedback.correct, feedback.wrong, expect, feedback.notes));
        }
        if (!c.has("readout")) {
            problems.at(node, path, Phrase.of("lesson.needsChoicesOrReadout"));
            return Optional.empty();
        }
        if (readout != null && ReadoutCatalog.find(readout).orElseThrow().kind() != ReadoutCatalog.Kind.NUMBER) {
            problems.at(c.get("readout").orElseThrow(), c.child("readout"), Phrase.of("lesson.wordReadout", readout));
            return Optional.empty();
        }
        Tolerance tolerance = tolerance(c);
        String unit = c.text("unit").orElse("");
        if (question == null || readout == null || tolerance == null || problems.count() > before) return Optional.empty();
        return Optional.of(new Checkpoint.Numeric(question, readout, tolerance, unit, hints, feedback.correct, feedback.wrong, expect, feedback.notes));
    }

    private Optional<Predict> predict(Node node, String path) {
        Optional<Checkpoint> guess = checkpoint(node, path, true);
        if (!(node instanceof MappingNode)) return Optional.empty();
        YamlMap p = YamlMap.of(node, path, new Problems(problems.file())).orElseThrow();
        String question = Predict.DEFAULT_EXPLAIN;
        Checkpoint.MultipleChoice choices = null;
        Optional<Node> explain = p.get("explain");
        if (explain.isPresent()) {
            String ep = p.child("explain");
            if (explain.get() instanceof ScalarNode sc) {
                question = sc.getValue();
            } else {
                Optional<YamlMap> e = YamlMap.of(explain.get(), ep, problems);
                if (e.isEmpty()) return Optional.empty();
                e.get().rejectUnknown(EXPLAIN_FIELDS, Phrase.of("lesson.inExplain"));
                question = e.get().requiredText("question", Phrase.of("lesson.expect.explainQuestion")).orElse(null);
                if (e.get().has("choices")) {
                    List<Checkpoint.Choice> cs = choices(e.get(), false);
                    if (cs == null || question == null) return Optional.empty();
                    choices = new Checkpoint.MultipleChoice(question, null, cs, List.of(), "", "");
                }
            }
        }
        if (guess.isEmpty() || question == null) return Optional.empty();
        return Optional.of(new Predict(guess.get(), question, choices));
    }

    /** Required on a readout question: without it a rehearsal passes whatever the engine measures. */
    private Checkpoint.Expect expect(YamlMap c, String readout) {
        Optional<Node> n = c.get("expect");
        if (n.isEmpty()) {
            if (c.has("readout") && readout != null) {
                c.missing("expect", Phrase.of("lesson.expect.expect", Phrase.of(c.has("choices") ? "lesson.expect.expectChoice" : "lesson.expect.expectNumber")));
            }
            return null;
        }
        if (!c.has("readout")) {
            problems.at(n.get(), c.child("expect"), Phrase.of("lesson.expectNeedsReadout"));
            return null;
        }
        if (readout == null) return null;
        if (!(n.get() instanceof ScalarNode s)) {
            problems.at(n.get(), c.child("expect"), Phrase.of("lesson.expectedCondition", YamlMap.said(n.get())));
            return null;
        }
        try {
            return new Checkpoint.Expect(Condition.parse(s.getValue(), readout, false), s.getStartMark().getLine() + 1);
        } catch (Condition.Unreadable e) {
            problems.at(s, c.child("expect"), e.said());
            return null;
        }
    }

    /** A readout question whose expected value no choice has could never pass; two choices with one value are both right. */
    private void choicesMatchExpect(YamlMap c, List<Checkpoint.Choice> choices, Checkpoint.Expect expect) {
        List<String> values = new ArrayList<>();
        for (Checkpoint.Choice ch : choices) {
            if (ch.value() == null) continue;
            if (values.stream().anyMatch(v -> v.trim().equalsIgnoreCase(ch.value().trim()))) {
                problems.at(c.get("choices").orElseThrow(), c.child("choices"), Phrase.of("lesson.sameValueTwice", ch.value()));
            }
            values.add(ch.value());
        }
        if (expect == null) return;
        Optional<String> example = expect.condition().example();
        if (example.isEmpty() || expect.condition().op() != Condition.Op.EQ) return;
        boolean offered = choices.stream().anyMatch(ch -> ch.value() != null && Checker.sameValue(ch.value(), expectedValue(expect)));
        if (!offered) {
            problems.at(c.get("expect").orElseThrow(), c.child("expect"), Phrase.of("lesson.noChoiceHas", example.get(), String.join(", ", values)));
        }
    }

    private static ReadoutValue expectedValue(Checkpoint.Expect e) {
        Condition k = e.condition();
        return k.word() != null ? ReadoutValue.text(k.subject(), k.word()) : ReadoutValue.number(k.subject(), k.number());
    }

    private String readout(YamlMap c) {
        Optional<String> r = c.text("readout");
        if (r.isEmpty()) return null;
        if (ReadoutCatalog.find(r.get()).isPresent()) return r.get();
        problems.at(c.get("readout").orElseThrow(), c.child("readout"), Phrase.of("lesson.unknownReadout", r.get(), ReadoutSuggestions.suggest(r.get())));
        return null;
    }

    private Tolerance tolerance(YamlMap c) {
        Optional<Node> n = c.get("tolerance");
        if (n.isEmpty()) return Tolerance.EXACT;
        if (!(n.get() instanceof ScalarNode s)) {
            problems.at(n.get(), c.child("tolerance"), Phrase.of("lesson.expectedTolerance", YamlMap.said(n.get())));
            return null;
        }
        String v = s.getValue().trim();
        boolean percent = v.endsWith("%");
        try {
            double d = Double.parseDouble(percent ? v.substring(0, v.length() - 1).trim() : v);
            if (d < 0 || Double.isNaN(d) || Double.isInfinite(d)) throw new NumberFormatException();
            if (percent && d >= 100) {
                problems.at(s, c.child("tolerance"), Phrase.of("lesson.toleranceTooWide", v));
                return null;
            }
            return new Tolerance(d, percent);
        } catch (NumberFormatException e) {
            problems.at(s, c.child("tolerance"), Phrase.of("lesson.expectedTolerance", "'" + v + "'"));
            return null;
        }
    }

    private record Feedback(String correct, String wrong, List<Checkpoint.Note> notes) {}

    private Feedback feedback(YamlMap c, String readout) {
        Optional<Node> n = c.get("feedback");
        if (n.isEmpty()) return new Feedback("", "", List.of());
        Optional<YamlMap> f = YamlMap.of(n.get(), c.child("feedback"), problems);
        if (f.isEmpty()) return new Feedback("", "", List.of());
        f.get().rejectUnknown(FEEDBACK_FIELDS, Phrase.of("lesson.inFeedback"));
        String correct = placeholders(f.get(), "correct");
        String wrong = placeholders(f.get(), "wrong");
        List<Checkpoint.Note> notes = new ArrayList<>();
        Optional<SequenceNode> seq = f.get().sequence("notes");
        int i = 1;
        for (Node item : seq.map(SequenceNode::getValue).orElse(List.of())) {
            String p = f.get().child("notes") + "[" + i++ + "]";
            Optional<YamlMap> note = YamlMap.of(item, p, problems);
            if (note.isEmpty()) continue;
            note.get().rejectUnknown(NOTE_FIELDS, Phrase.of("lesson.inNote"));
            String text = note.get().requiredText("text", Phrase.of("lesson.expect.noteText")).orElse(null);
            if (text != null) placeholders(note.get(), "text");
            Optional<String> when = note.get().requiredText("when", Phrase.of("lesson.expect.noteWhen"));
            if (when.isEmpty() || text == null) continue;
            try {
                notes.add(new Checkpoint.Note(Condition.parse(when.get(), readout, true), text));
            } catch (Condition.Unreadable e) {
                problems.at(note.get().get("when").orElseThrow(), note.get().child("when"), e.said());
            }
        }
        return new Feedback(correct, wrong, notes);
    }

    /** The text of {@code key}, every {@code {name}} in it checked to be {@code measured} or a readout. */
    private String placeholders(YamlMap m, String key) {
        String text = m.text(key).orElse("");
        java.util.regex.Matcher k = Checkpoint.PLACEHOLDER.matcher(text);
        while (k.find()) {
            String name = k.group(1);
            if (!name.equals("measured") && ReadoutCatalog.find(name).isEmpty()) {
                problems.at(m.get(key).orElseThrow(), m.child(key), Phrase.of("lesson.unknownPlaceholder", "{" + name + "}", "{measured}", "{stage.send.bytes}",
                        ReadoutSuggestions.suggest(name)));
            }
        }
        return text;
    }

    private List<Checkpoint.Choice> choices(YamlMap c, boolean byReadout) {
        Optional<SequenceNode> seq = c.sequence("choices");
        if (seq.isEmpty()) return null;
        List<Checkpoint.Choice> out = new ArrayList<>();
        int before = problems.count();
        int i = 1;
        boolean anyCorrect = false;
        for (Node item : seq.get().getValue()) {
            String p = c.child("choices") + "[" + i++ + "]";
            Optional<YamlMap> m = YamlMap.of(item, p, problems);
            if (m.isEmpty()) continue;
            YamlMap ch = m.get();
            ch.rejectUnknown(CHOICE_FIELDS, Phrase.of("lesson.inChoice"));
            String text = ch.requiredText("text", Phrase.of("lesson.expect.choiceText")).orElse(null);
            String value = ch.text("value").orElse(null);
            boolean correct = ch.bool("correct").orElse(false);
            anyCorrect |= correct;
            if (byReadout && value == null && !ch.has("value")) {
                ch.missing("value", Phrase.of("lesson.expect.choiceValue"));
            }
            if (byReadout && ch.has("correct")) {
                problems.at(ch.get("correct").orElseThrow(), ch.child("correct"), Phrase.of("lesson.readoutDecides"));
            }
            if (!byReadout && ch.has("value")) {
                problems.at(ch.get("value").orElseThrow(), ch.child("value"), Phrase.of("lesson.valueNeedsReadout"));
            }
            out.add(new Checkpoint.Choice(text, value, correct, ch.text("feedback").orElse("")));
        }
        if (seq.get().getValue().size() < 2) problems.at(seq.get(), c.child("choices"), Phrase.of("lesson.atLeastTwoChoices"));
        else if (!byReadout && out.size() == seq.get().getValue().size() && out.stream().allMatch(Checkpoint.Choice::correct)) {
            problems.at(seq.get(), c.child("choices"), Phrase.of("lesson.allCorrect"));
        } else if (!byReadout && !anyCorrect) problems.at(seq.get(), c.child("choices"), Phrase.of("lesson.noneCorrect"));
        return problems.count() > before ? null : out;
    }

    private static String names(Enum<?>[] values) {
        List<String> n = new ArrayList<>();
        for (Enum<?> v : values) n.add(v.name().toLowerCase(Locale.ROOT));
        return String.join(", ", n);
    }
}
