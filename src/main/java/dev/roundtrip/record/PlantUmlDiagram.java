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
import java.util.List;

/**
 * PlantUML sequence diagram text ({@code @startuml} … {@code @enduml}). Creole markup characters
 * in labels are escaped with PlantUML's {@code ~} so a target like {@code //a} is not set in
 * italics; failed exchanges sit in a {@code group} and their notes are red.
 */
public final class PlantUmlDiagram {
    private PlantUmlDiagram() {}

    public static String of(Recording recording) {
        return render(SequenceScript.of(recording));
    }

    public static String of(Exchange exchange) {
        return render(SequenceScript.of(List.of(exchange)));
    }

    public static String render(SequenceScript script) {
        StringBuilder sb = new StringBuilder("@startuml\n");
        for (Lifeline l : script.lifelines()) {
            sb.append(l == Lifeline.DATABASE ? "database" : "participant")
                    .append(" \"").append(script.title(l)).append("\" as ").append(l.id).append('\n');
        }
        String indent = "";
        for (Step s : script.steps()) {
            if (s instanceof Section sec) {
                sb.append("== ").append(escape(sec.text()).replace("==", "= =")).append(" ==\n");
            } else if (s instanceof Highlight h) {
                if (h.begin()) {
                    sb.append("group ERROR\n");
                    indent = "  ";
                } else {
                    indent = "";
                    sb.append("end\n");
                }
            } else if (s instanceof Message m) {
                sb.append(indent).append(m.from().id).append(' ').append(arrow(m.arrow())).append(' ').append(m.to().id)
                        .append(" : ").append(escape(m.text())).append('\n');
            } else if (s instanceof Note n) {
                sb.append(indent).append("note ").append(place(n)).append(n.error() ? " #FFAAAA" : "")
                        .append(" : ").append(escape(n.error() && !n.text().startsWith("ERROR") ? "ERROR " + n.text() : n.text()))
                        .append('\n');
            } else if (s instanceof Activate a) {
                sb.append(indent).append("activate ").append(a.who().id).append('\n');
            } else if (s instanceof Deactivate d) {
                sb.append(indent).append("deactivate ").append(d.who().id).append('\n');
            }
        }
        return sb.append("@enduml\n").toString();
    }

    private static String arrow(SequenceScript.Arrow a) {
        switch (a) {
            case REPLY: return "-->";
            case LOST: return "->x";
            default: return "->";
        }
    }

    private static String place(Note n) {
        switch (n.side()) {
            case LEFT: return "left of " + n.at().id;
            case RIGHT: return "right of " + n.at().id;
            default: return "over " + n.at().id + (n.to() == null ? "" : ", " + n.to().id);
        }
    }

    /**
     * Text safe on one PlantUML line: no line breaks, control characters written {@code \\x1b}, then
     * creole and {@code \\} escaped with {@code ~}.
     */
    public static String escape(String text) {
        String s = Printable.escape(text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' '));
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : 0;
            if (c == '~' || c == '<' || c == '\\') {
                sb.append('~').append(c);
            } else if ((c == '*' || c == '/' || c == '"' || c == '-' || c == '_' || c == '^' || c == '=' || c == '[') && next == c) {
                sb.append('~').append(c); // doubled markup characters start creole formatting
            } else {
                sb.append(c);
            }
        }
        return sb.length() == 0 ? " " : sb.toString();
    }
}
