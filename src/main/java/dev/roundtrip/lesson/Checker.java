package dev.roundtrip.lesson;

import dev.roundtrip.text.Texts;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges answers against the measurement taken when the step ran. Numbers may carry a unit or
 * thousands separators ("1,234 bytes"); a choice is given by its number (1, 2, ...), its letter
 * (a, b, ...) or its text. A question that cannot be judged in this run (its readout was not
 * measured, or no choice has the measured value) is said so and never counts as passed.
 */
public final class Checker {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d[\\d,_ ]*)?(\\.\\d+)?");

    /** What the checker says to students, in the language in use. */
    static final Texts.Bundle T = Texts.of("dev.roundtrip.lesson.Texts");

    private Checker() {}

    private static String typeANumber(Checkpoint.Numeric n) {
        return n.unit().isEmpty() ? T.get("check.typeNumber") : T.get("check.typeNumberUnit", n.unit());
    }

    public static CheckResult check(Checkpoint checkpoint, String answer, ReadoutValue measured) {
        return check(checkpoint, answer, measured, Map.of());
    }

    /**
     * @param readings the other readouts taken with {@code measured}, for {@code {name}} placeholders
     *     and the conditions of feedback notes
     */
    public static CheckResult check(Checkpoint checkpoint, String answer, ReadoutValue measured, Map<String, ReadoutValue> readings) {
        return check(checkpoint, answer, measured, readings, Texts.locale());
    }

    /** The same, the answer read as written in {@code typedIn} (an answer judged again after a language switch); the words in the language in use. */
    public static CheckResult check(Checkpoint checkpoint, String answer, ReadoutValue measured, Map<String, ReadoutValue> readings,
                                    java.util.Locale typedIn) {
        Function<String, ReadoutValue> read = name -> name == null || name.equals(checkpoint.readout()) ? measured : readings.get(name);
        if (checkpoint instanceof Checkpoint.Numeric n) return numeric(n, answer, measured, read, typedIn);
        return choice((Checkpoint.MultipleChoice) checkpoint, answer, measured, read);
    }

    /** Why {@code answer} cannot be read as an answer to {@code c} (before anything is measured), if it cannot. */
    public static Optional<String> unreadable(Checkpoint c, String answer) {
        if (c instanceof Checkpoint.Numeric n) {
            return parseAnswer(answer) != null ? Optional.empty() : Optional.of(typeANumber(n));
        }
        Checkpoint.MultipleChoice mc = (Checkpoint.MultipleChoice) c;
        return pick(mc, answer) >= 0 ? Optional.empty() : Optional.of(T.get("check.pickOne", mc.choices().size()));
    }

    /** The right answer, as {@link CheckResult#rightAnswer()}; empty when none can be given. */
    public static String rightAnswer(Checkpoint checkpoint, ReadoutValue measured) {
        if (checkpoint instanceof Checkpoint.Numeric) {
            return measured != null && measured.available() ? measured.display() : "";
        }
        List<Integer> right = rightChoices((Checkpoint.MultipleChoice) checkpoint, measured);
        List<String> out = new ArrayList<>();
        for (int i : right) out.add((i + 1) + ". " + ((Checkpoint.MultipleChoice) checkpoint).choices().get(i).text());
        return String.join(" / ", out);
    }

    private static CheckResult numeric(Checkpoint.Numeric n, String answer, ReadoutValue measured, Function<String, ReadoutValue> read,
                                       java.util.Locale typedIn) {
        if (measured == null || !measured.available()) {
            return new CheckResult(CheckResult.Verdict.NOT_MEASURABLE, notMeasurable(measured), measured, "");
        }
        Double given = parseAnswer(answer, typedIn);
        if (given == null) {
            return new CheckResult(CheckResult.Verdict.INVALID_INPUT, typeANumber(n), measured, measured.display());
        }
        // judged against the value as shown (two decimals at most), so what students read is right
        double m = Math.round(measured.number() * 100.0) / 100.0;
        if (n.tolerance().accepts(given, m)) {
            String said = join(fill(orDefault(n.feedbackCorrect(), T.get("check.rightMeasured", measured.display())), read), notes(n, read));
            return new CheckResult(CheckResult.Verdict.CORRECT, said, measured, measured.display());
        }
        String direction = T.get(given > m ? "check.higher" : "check.lower");
        return new CheckResult(CheckResult.Verdict.WRONG, join(fill(n.feedbackWrong(), read), direction), measured, measured.display());
    }

    private static CheckResult choice(Checkpoint.MultipleChoice c, String answer, ReadoutValue measured, Function<String, ReadoutValue> read) {
        if (c.readout() != null && (measured == null || !measured.available())) {
            return new CheckResult(CheckResult.Verdict.NOT_MEASURABLE, notMeasurable(measured), measured, "");
        }
        int picked = pick(c, answer);
        String right = rightAnswer(c, measured);
        if (picked < 0) {
            return new CheckResult(CheckResult.Verdict.INVALID_INPUT, T.get("check.pickOne", c.choices().size()), measured, right);
        }
        if (c.readout() != null && right.isEmpty()) {
            return new CheckResult(CheckResult.Verdict.NOT_MEASURABLE, T.get("check.noChoice", measured.display()), measured, "");
        }
        Checkpoint.Choice choice = c.choices().get(picked);
        boolean correct = rightChoices(c, measured).contains(picked);
        // a right choice that says why needs no "Right." after it (the panel's verdict already says so)
        String praise = c.feedbackCorrect() != null ? c.feedbackCorrect() : choice.feedback() == null || choice.feedback().isBlank() ? T.get("check.right") : "";
        String general = correct ? join(fill(praise, read), notes(c, read)) : fill(c.feedbackWrong(), read);
        String message = join(fill(choice.feedback(), read), general);
        return new CheckResult(correct ? CheckResult.Verdict.CORRECT : CheckResult.Verdict.WRONG, message, measured, right);
    }

    private static List<Integer> rightChoices(Checkpoint.MultipleChoice c, ReadoutValue measured) {
        List<Integer> right = new ArrayList<>();
        for (int i = 0; i < c.choices().size(); i++) {
            Checkpoint.Choice ch = c.choices().get(i);
            boolean ok = c.readout() == null ? ch.correct() : measured != null && measured.available() && sameValue(ch.value(), measured);
            if (ok) right.add(i);
        }
        return right;
    }

    static boolean sameValue(String value, ReadoutValue measured) {
        if (measured.isNumber()) {
            Double v = parseNumber(value);
            return v != null && Math.abs(v - measured.number()) < 1e-9;
        }
        return value.trim().equalsIgnoreCase(measured.text().trim());
    }

    /** The index of the choice {@code answer} names, or -1. */
    static int pick(Checkpoint.MultipleChoice c, String answer) {
        String a = answer == null ? "" : answer.trim();
        if (a.isEmpty()) return -1;
        if (a.matches("\\d+")) {
            int i = Integer.parseInt(a) - 1;
            return i >= 0 && i < c.choices().size() ? i : -1;
        }
        if (a.length() == 1 && Character.isLetter(a.charAt(0))) {
            int i = Character.toLowerCase(a.charAt(0)) - 'a';
            return i >= 0 && i < c.choices().size() ? i : -1;
        }
        for (int i = 0; i < c.choices().size(); i++) {
            if (c.choices().get(i).text().trim().equalsIgnoreCase(a)) return i;
        }
        return -1;
    }

    /**
     * The leading number of a student's answer, as written in the language in use: "90,5 ms" is 90.5
     * in German, French and Spanish, "1,234 bytes" is 1234 in English; grouping by spaces, "1.234"
     * (German) or "1,234" (English) is understood, and the other language's decimal point too
     * ("90.5" in German) when what follows it is not a group of three digits. Null when there is none.
     */
    public static Double parseAnswer(String text) {
        return parseAnswer(text, Texts.locale());
    }

    /** The same, as written in {@code language}. */
    public static Double parseAnswer(String text, java.util.Locale language) {
        if (text == null) return null;
        Matcher m = ANSWER.matcher(text.strip());
        if (!m.lookingAt()) return null;
        String n = m.group().replaceAll("[\\s_'’\u00a0\u202f]", "").replaceAll("[.,]+$", "");
        char point = DecimalFormatSymbols.getInstance(language).getDecimalSeparator() == ',' ? ',' : '.';
        char other = point == '.' ? ',' : '.';
        int points = n.length() - n.replace(String.valueOf(point), "").length();
        if (points > 1) {
            if (n.indexOf(other) >= 0 || !groupsOfThree(n, point)) return null;
            n = n.replace(String.valueOf(point), "");
        } else if (points == 1) {
            if (n.indexOf(other) > n.indexOf(point)) return null;
            n = n.replace(String.valueOf(other), "").replace(point, '.');
        } else if (n.indexOf(other) >= 0) {
            if (groupsOfThree(n, other)) n = n.replace(String.valueOf(other), "");
            else if (n.indexOf(other) == n.lastIndexOf(other)) n = n.replace(other, '.');
            else return null;
        }
        try {
            return Double.parseDouble(n);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static final Pattern ANSWER = Pattern.compile("[-+]?(\\d[\\d.,_'’ \u00a0\u202f]*|[.,]\\d+)");

    /** Whether every {@code separator} in {@code n} is followed by exactly three digits (thousands grouping). */
    private static boolean groupsOfThree(String n, char separator) {
        return n.matches("[-+]?\\d{1,3}(" + Pattern.quote(String.valueOf(separator)) + "\\d{3})+");
    }

    /** A number as a lesson file writes it ("1,234", "0.5"); null when there is none. Students' answers: {@link #parseAnswer}. */
    public static Double parseNumber(String text) {
        if (text == null) return null;
        Matcher m = NUMBER.matcher(text.trim());
        if (!m.lookingAt() || m.end() == 0) return null;
        String n = m.group().replaceAll("[,_ ]", "");
        if (n.isEmpty() || n.equals("+") || n.equals("-")) return null;
        try {
            return Double.parseDouble(n);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String notMeasurable(ReadoutValue measured) {
        return T.get("check.notMeasurable", measured == null ? T.get("check.nothingMeasured") : measured.unavailable().inUse());
    }

    /** The notes whose condition holds for what was measured; a note whose readouts are missing is left out. */
    static String notes(Checkpoint c, Function<String, ReadoutValue> read) {
        String out = "";
        for (Checkpoint.Note n : c.notes()) {
            if (n.when().test(read) == Condition.Outcome.HOLDS) out = join(out, fill(n.text(), read));
        }
        return out;
    }

    /** Replaces {@code {measured}} and {@code {readout.name}} with what was measured. */
    static String fill(String text, Function<String, ReadoutValue> read) {
        if (text == null || text.isEmpty()) return "";
        Matcher m = Checkpoint.PLACEHOLDER.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            ReadoutValue v = name.equals("measured") ? read.apply(null) : read.apply(name);
            m.appendReplacement(b, Matcher.quoteReplacement(v == null ? m.group() : v.display()));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String orDefault(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text;
    }

    static String join(String a, String b) {
        if (a.isBlank()) return b;
        if (b.isBlank()) return a;
        return a.strip() + " " + b.strip();
    }
}
