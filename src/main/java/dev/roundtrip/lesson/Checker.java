package dev.roundtrip.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges answers against the measurement taken when the step ran. Numbers may carry a unit or
 * thousands separators ("1,234 bytes"); a choice is given by its number (1, 2, ...), its letter
 * (a, b, ...) or its text.
 */
public final class Checker {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d[\\d,_ ]*)?(\\.\\d+)?");

    private Checker() {}

    public static CheckResult check(Checkpoint checkpoint, String answer, ReadoutValue measured) {
        if (checkpoint instanceof Checkpoint.Numeric n) return numeric(n, answer, measured);
        return choice((Checkpoint.MultipleChoice) checkpoint, answer, measured);
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

    private static CheckResult numeric(Checkpoint.Numeric n, String answer, ReadoutValue measured) {
        if (measured == null || !measured.available()) {
            return new CheckResult(CheckResult.Verdict.NOT_MEASURABLE, notMeasurable(measured), measured, "");
        }
        Double given = parseNumber(answer);
        if (given == null) {
            return new CheckResult(CheckResult.Verdict.INVALID_INPUT, "Type a number, such as 42" + (n.unit().isEmpty() ? "" : " (" + n.unit() + ")") + ".", measured, measured.display());
        }
        // judged against the value as shown (two decimals at most), so what students read is right
        double m = Math.round(measured.number() * 100.0) / 100.0;
        if (n.tolerance().accepts(given, m)) {
            return new CheckResult(CheckResult.Verdict.CORRECT, fill(orDefault(n.feedbackCorrect(), "Right: the measurement says {measured}."), measured), measured, measured.display());
        }
        String direction = given > m ? "Your answer is higher than what was measured." : "Your answer is lower than what was measured.";
        return new CheckResult(CheckResult.Verdict.WRONG, join(fill(n.feedbackWrong(), measured), direction), measured, measured.display());
    }

    private static CheckResult choice(Checkpoint.MultipleChoice c, String answer, ReadoutValue measured) {
        if (c.readout() != null && (measured == null || !measured.available())) {
            return new CheckResult(CheckResult.Verdict.NOT_MEASURABLE, notMeasurable(measured), measured, "");
        }
        int picked = pick(c, answer);
        String right = rightAnswer(c, measured);
        if (picked < 0) {
            return new CheckResult(CheckResult.Verdict.INVALID_INPUT, "Pick one of the " + c.choices().size() + " answers (1 to " + c.choices().size() + ").", measured, right);
        }
        Checkpoint.Choice choice = c.choices().get(picked);
        boolean correct = rightChoices(c, measured).contains(picked);
        String general = correct ? orDefault(c.feedbackCorrect(), "Right.") : c.feedbackWrong();
        String message = join(fill(choice.feedback(), measured), fill(general, measured));
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

    private static boolean sameValue(String value, ReadoutValue measured) {
        if (measured.isNumber()) {
            Double v = parseNumber(value);
            return v != null && Math.abs(v - measured.number()) < 1e-9;
        }
        return value.trim().equalsIgnoreCase(measured.text().trim());
    }

    private static int pick(Checkpoint.MultipleChoice c, String answer) {
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

    /** The leading number of an answer such as "1,234 bytes" or "40ms"; null when there is none. */
    static Double parseNumber(String text) {
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
        String why = measured == null ? "nothing was measured" : measured.unavailable();
        return "This could not be measured here (" + why + "), so any answer counts.";
    }

    private static String fill(String text, ReadoutValue measured) {
        if (text == null || text.isEmpty()) return "";
        return measured == null ? text : text.replace("{measured}", measured.display());
    }

    private static String orDefault(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text;
    }

    private static String join(String a, String b) {
        if (a.isBlank()) return b;
        if (b.isBlank()) return a;
        return a.strip() + " " + b.strip();
    }
}
