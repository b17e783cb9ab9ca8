package dev.roundtrip.lesson;

import dev.roundtrip.trace.Phrase;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A claim about a readout, as a lesson writes it: a value ({@code 200}, {@code completed}), a
 * comparison ({@code ">= 1048576"}), a range ({@code "250..400"}) or a relation to another readout
 * measured at the same moment ({@code "== stage.send.bytes"}). Used for a checkpoint's {@code expect}
 * (what the engine must show for the narration to be true) and a feedback note's {@code when}.
 *
 * @param subject the readout the claim is about
 * @param text the claim as written, for messages
 */
public record Condition(String subject, Op op, Double number, String word, String other, Double high, String text) {
    public enum Op {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), RANGE(".."), IN("in");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    /** Whether the claim holds for a measurement; UNMEASURED when a readout it needs is missing. */
    public enum Outcome { HOLDS, FAILS, UNMEASURED }

    /**
     * Reads {@code text} as a claim about {@code subject}; with {@code subjectMayLead}, a leading
     * readout name ({@code "nagle.savedMs >= 30"}) names another subject.
     *
     * @throws Unreadable with what was expected
     */
    public static Condition parse(String text, String subject, boolean subjectMayLead) {
        String t = text.trim();
        if (subjectMayLead) {
            int space = t.indexOf(' ');
            String first = space < 0 ? t : t.substring(0, space);
            if (space > 0 && ReadoutCatalog.find(first).isPresent()) {
                subject = first;
                t = t.substring(space + 1).trim();
            }
        }
        if (subject == null) throw new Unreadable(Phrase.of("lesson.condition.noSubject", "nagle.savedMs >= 30"));
        ReadoutCatalog.Kind kind = ReadoutCatalog.find(subject).orElseThrow().kind();
        int dots = t.indexOf("..");
        if (dots > 0 && Checker.parseNumber(t.substring(0, dots)) != null) {
            Double low = exactNumber(t.substring(0, dots));
            Double high = exactNumber(t.substring(dots + 2));
            if (low == null || high == null || low > high) throw new Unreadable(Phrase.of("lesson.condition.badRange", text.trim()));
            if (kind != ReadoutCatalog.Kind.NUMBER) throw wordOnly(subject, text);
            return new Condition(subject, Op.RANGE, low, null, null, high, text.trim());
        }
        if (t.startsWith("in ")) {
            if (kind != ReadoutCatalog.Kind.TEXT) throw new Unreadable(Phrase.of("lesson.condition.inNeedsWords"));
            java.util.List<String> words = java.util.Arrays.stream(t.substring(3).split(",")).map(String::trim).toList();
            if (words.size() < 2 || words.stream().anyMatch(w -> !w.matches("[A-Za-z][\\w.-]*"))) {
                throw new Unreadable(Phrase.of("lesson.condition.badIn", text.trim()));
            }
            return new Condition(subject, Op.IN, null, String.join(",", words), null, null, text.trim());
        }
        Op op = Op.EQ;
        for (Op o : new Op[] {Op.EQ, Op.NE, Op.GE, Op.LE, Op.GT, Op.LT}) {
            if (t.startsWith(o.symbol)) {
                op = o;
                t = t.substring(o.symbol.length()).trim();
                break;
            }
        }
        if (t.isEmpty()) throw new Unreadable(Phrase.of("lesson.condition.noValue", op.symbol));
        Optional<ReadoutCatalog.Entry> other = ReadoutCatalog.find(t);
        if (other.isPresent()) {
            if (other.get().kind() != kind) throw new Unreadable(Phrase.of("lesson.condition.kinds", subject, kindName(kind), t, kindName(other.get().kind())));
            if (kind == ReadoutCatalog.Kind.TEXT && op != Op.EQ && op != Op.NE) throw wordOnly(subject, text);
            return new Condition(subject, op, null, null, t, null, text.trim());
        }
        if (kind == ReadoutCatalog.Kind.TEXT) {
            if (op != Op.EQ && op != Op.NE) throw wordOnly(subject, text);
            if (!t.matches("[A-Za-z][\\w.-]*")) throw new Unreadable(Phrase.of("lesson.condition.expectedWord", subject, t));
            return new Condition(subject, op, null, t, null, null, text.trim());
        }
        Double n = exactNumber(t);
        if (n == null) {
            throw new Unreadable(Phrase.of("lesson.condition.expectedNumber", op.symbol, t,
                    t.contains(".") ? Phrase.of("lesson.condition.noSuchReadout", t) : Phrase.of("lesson.condition.readoutLooks")));
        }
        return new Condition(subject, op, n, null, null, null, text.trim());
    }

    private static Unreadable wordOnly(String subject, String text) {
        return new Unreadable(Phrase.of("lesson.condition.wordOnly", subject, text.trim()));
    }

    private static Phrase kindName(ReadoutCatalog.Kind k) {
        return Phrase.of(k == ReadoutCatalog.Kind.NUMBER ? "lesson.condition.aNumber" : "lesson.condition.aWord");
    }

    /** A claim that cannot be read, said as a phrase (its message is the English). */
    public static final class Unreadable extends IllegalArgumentException {
        private final transient Phrase said;

        Unreadable(Phrase said) {
            super(said.english());
            this.said = said;
        }

        public Phrase said() {
            return said;
        }

        @Override
        public String getLocalizedMessage() {
            return said.inUse();
        }
    }

    /** A whole number text, nothing after it ("1,048,576" is fine; "10 ms" is not). */
    private static Double exactNumber(String s) {
        String t = s.trim().replaceAll("(?<=\\d)[,_](?=\\d)", "");
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Readouts this claim needs, the subject included. */
    public Set<String> readouts() {
        Set<String> s = new TreeSet<>();
        s.add(subject);
        if (other != null) s.add(other);
        return s;
    }

    public Outcome test(Function<String, ReadoutValue> read) {
        ReadoutValue m = read.apply(subject);
        if (m == null || !m.available()) return Outcome.UNMEASURED;
        if (other != null) {
            ReadoutValue o = read.apply(other);
            if (o == null || !o.available()) return Outcome.UNMEASURED;
            return holds(m, o.isNumber() ? o.number() : null, o.text()) ? Outcome.HOLDS : Outcome.FAILS;
        }
        return holds(m, number, word) ? Outcome.HOLDS : Outcome.FAILS;
    }

    private boolean holds(ReadoutValue m, Double n, String w) {
        if (!m.isNumber()) {
            if (op == Op.IN) return java.util.Arrays.stream(w.split(",")).anyMatch(x -> x.equalsIgnoreCase(m.text().trim()));
            boolean same = w != null && m.text().trim().equalsIgnoreCase(w.trim());
            return op == Op.NE ? !same : same;
        }
        if (n == null) return false;
        double v = m.number();
        double eps = 1e-9 * Math.max(1, Math.abs(n));
        switch (op) {
            case EQ: return Math.abs(v - n) <= eps;
            case NE: return Math.abs(v - n) > eps;
            case LT: return v < n - eps;
            case LE: return v <= n + eps;
            case GT: return v > n + eps;
            case GE: return v >= n - eps;
            default: return v >= n - eps && v <= high + eps;
        }
    }

    /** "expected stage.parse.bytes >= 1048576, measured 1000" (with the other readout's value for a relation), in English. */
    public String describe(Function<String, ReadoutValue> read) {
        return said(read).english();
    }

    /** The same as a phrase, for the language in use. */
    public Phrase said(Function<String, ReadoutValue> read) {
        ReadoutValue m = read.apply(subject);
        Object measured = m == null ? Phrase.of("lesson.foundNothing") : m.shown();
        Object claim = op == Op.IN ? Phrase.of("lesson.condition.isOneOf", word.replace(",", ", "))
                : op == Op.EQ && other == null ? "= " + text.replaceFirst("^==\\s*", "") : text;
        if (other == null) return Phrase.of("lesson.condition.failed", subject, claim, measured);
        ReadoutValue o = read.apply(other);
        return Phrase.of("lesson.condition.failedRelation", subject, claim, other, o == null ? Phrase.of("lesson.foundNothing") : o.shown(), measured);
    }

    /** A value a student could type or pick that satisfies the claim, when the claim names one. */
    public Optional<String> example() {
        if (other != null || op == Op.NE || op == Op.LT || op == Op.GT) return Optional.empty();
        if (op == Op.IN) return Optional.of(word.split(",")[0]);
        if (word != null) return Optional.of(word);
        double n = op == Op.RANGE ? (number + high) / 2 : number;
        return Optional.of(ReadoutValue.number(subject, n).plain());
    }

    @Override
    public String toString() {
        return subject + " " + text;
    }
}
