package dev.roundtrip.record;

import dev.roundtrip.record.SequenceScript.Activate;
import dev.roundtrip.record.SequenceScript.Deactivate;
import dev.roundtrip.record.SequenceScript.Highlight;
import dev.roundtrip.record.SequenceScript.Lifeline;
import dev.roundtrip.record.SequenceScript.Message;
import dev.roundtrip.record.SequenceScript.Note;
import dev.roundtrip.record.SequenceScript.Section;
import dev.roundtrip.record.SequenceScript.Step;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.text.Printable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mermaid {@code sequenceDiagram} text. Mermaid refuses a diagram longer than its {@code maxTextSize}
 * (50,000 characters by default), so {@link #parts} splits a big session into several diagrams of
 * whole exchanges, each within {@value #MAX_TEXT} characters. Labels are escaped with Mermaid's entity codes
 * ({@code #59;} for {@code ;}, {@code #35;} for {@code #}, ...) because {@code ;}, {@code #} and
 * line breaks end a message, and the word {@code end} is spelled {@code #101;nd} so it can never
 * close a block. Failed exchanges sit in a red {@code rect}.
 */
public final class MermaidDiagram {
    private static final Pattern END_WORD = Pattern.compile("\\b([eE])([nN][dD])\\b");

    private MermaidDiagram() {}

    public static String of(Recording recording) {
        return render(SequenceScript.of(recording));
    }

    public static String of(Exchange exchange) {
        return render(SequenceScript.of(List.of(exchange)));
    }

    /** Mermaid's default {@code maxTextSize}: a longer text is drawn as an error message. */
    public static final int MAX_TEXT = 50_000;

    public static String render(SequenceScript script) {
        StringBuilder sb = new StringBuilder("sequenceDiagram\n");
        for (Lifeline l : script.lifelines()) {
            sb.append("    participant ").append(l.id).append(" as ").append(script.title(l)).append('\n');
        }
        appendSteps(sb, script);
        return sb.toString();
    }

    /**
     * The exchanges as one diagram if it fits in {@code maxText} characters, else as several, each
     * holding whole exchanges in their order (an exchange alone always fits: its labels and SQL calls
     * are capped by {@link SequenceScript}).
     */
    public static List<String> parts(List<Exchange> exchanges, int maxText) {
        String whole = render(SequenceScript.of(exchanges));
        if (whole.length() <= maxText || exchanges.size() < 2) return List.of(whole);
        List<String> parts = new ArrayList<>();
        List<Exchange> group = new ArrayList<>();
        String drawn = null;
        for (Exchange x : exchanges) {
            group.add(x);
            String next = render(SequenceScript.of(group));
            if (next.length() > maxText && group.size() > 1) {
                parts.add(drawn);
                group = new ArrayList<>(List.of(x));
                next = render(SequenceScript.of(group));
            }
            drawn = next;
        }
        parts.add(drawn);
        return parts;
    }

    private static void appendSteps(StringBuilder sb, SequenceScript script) {
        String indent = "    ";
        for (Step s : script.steps()) {
            if (s instanceof Section sec) {
                sb.append(indent).append("Note over ").append(script.lifelines().get(0).id).append(',')
                        .append(script.lifelines().get(script.lifelines().size() - 1).id)
                        .append(": ").append(escape(sec.text())).append('\n');
            } else if (s instanceof Highlight h) {
                if (h.begin()) {
                    sb.append(indent).append("rect rgb(255, 228, 228)\n");
                    indent = "        ";
                } else {
                    indent = "    ";
                    sb.append(indent).append("end\n");
                }
            } else if (s instanceof Message m) {
                sb.append(indent).append(m.from().id).append(arrow(m.arrow())).append(m.to().id)
                        .append(": ").append(escape(m.text())).append('\n');
            } else if (s instanceof Note n) {
                sb.append(indent).append("Note ").append(place(n)).append(": ")
                        .append(escape(n.error() && !n.text().startsWith("ERROR") ? "ERROR " + n.text() : n.text())).append('\n');
            } else if (s instanceof Activate a) {
                sb.append(indent).append("activate ").append(a.who().id).append('\n');
            } else if (s instanceof Deactivate d) {
                sb.append(indent).append("deactivate ").append(d.who().id).append('\n');
            }
        }
    }

    private static String arrow(SequenceScript.Arrow a) {
        switch (a) {
            case REPLY: return "-->>";
            case LOST: return "--x";
            default: return "->>";
        }
    }

    private static String place(Note n) {
        switch (n.side()) {
            case LEFT: return "left of " + n.at().id;
            case RIGHT: return "right of " + n.at().id;
            default: return "over " + n.at().id + (n.to() == null ? "" : "," + n.to().id);
        }
    }

    /** Text safe inside a Mermaid message or note; control characters are written {@code \\x1b} first. */
    public static String escape(String text) {
        String s = Printable.escape(text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' '));
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '#': sb.append("#35;"); break;
                case ';': sb.append("#59;"); break;
                case '<': sb.append("#60;"); break;
                case '>': sb.append("#62;"); break;
                case '&': sb.append("#38;"); break;
                case '"': sb.append("#34;"); break;
                case '%': sb.append("#37;"); break;
                case '{': sb.append("#123;"); break;
                case '}': sb.append("#125;"); break;
                default: sb.append(c);
            }
        }
        Matcher m = END_WORD.matcher(sb.toString());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("#" + (int) m.group(1).charAt(0) + ";" + m.group(2)));
        }
        m.appendTail(out);
        String result = out.toString();
        return result.isBlank() ? "#160;" : result;
    }
}
