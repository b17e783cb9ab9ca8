package dev.roundtrip.ui.lessons;

import java.util.ArrayList;
import java.util.List;

/**
 * The short Markdown of lesson narration, parsed into blocks of styled spans: paragraphs, bullet
 * and numbered lists; {@code **bold**}, {@code *italics*} / {@code _italics_}, {@code `code`} and
 * links shown as their text. That is the whole subset lessons/README.md promises, so a tiny parser
 * is enough (no dependency); anything else is shown as the characters written.
 */
public final class ShortMarkdown {
    public enum BlockKind { PARAGRAPH, BULLET, NUMBERED }

    /** A run of text with one style. */
    public record Span(String text, boolean bold, boolean italic, boolean code) {}

    /** @param marker "•" or "3." for list items, empty for paragraphs */
    public record Block(BlockKind kind, String marker, List<Span> spans) {
        public Block {
            spans = List.copyOf(spans);
        }

        public String plainText() {
            StringBuilder b = new StringBuilder();
            for (Span s : spans) b.append(s.text());
            return b.toString();
        }
    }

    private ShortMarkdown() {}

    public static List<Block> parse(String markdown) {
        List<Block> blocks = new ArrayList<>();
        if (markdown == null) return blocks;
        StringBuilder para = new StringBuilder();
        BlockKind kind = BlockKind.PARAGRAPH;
        String marker = "";
        for (String raw : markdown.replace("\r\n", "\n").split("\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty()) {
                flush(blocks, kind, marker, para);
                kind = BlockKind.PARAGRAPH;
                marker = "";
                continue;
            }
            String item = listItem(line);
            if (item != null) {
                flush(blocks, kind, marker, para);
                boolean bullet = line.charAt(0) == '-' || line.charAt(0) == '*' || line.charAt(0) == '+';
                kind = bullet ? BlockKind.BULLET : BlockKind.NUMBERED;
                marker = bullet ? "•" : line.substring(0, line.indexOf('.') + 1);
                para.append(item);
                continue;
            }
            if (para.length() > 0) para.append(' ');
            para.append(line);
        }
        flush(blocks, kind, marker, para);
        return blocks;
    }

    /** The text after a list marker ("- x", "* x", "2. x"), or null when the line is no list item. */
    private static String listItem(String line) {
        if (line.length() > 2 && (line.startsWith("- ") || line.startsWith("* ") || line.startsWith("+ "))) {
            return line.substring(2).strip();
        }
        int i = 0;
        while (i < line.length() && Character.isDigit(line.charAt(i))) i++;
        if (i > 0 && i + 1 < line.length() && line.charAt(i) == '.' && line.charAt(i + 1) == ' ') return line.substring(i + 2).strip();
        return null;
    }

    private static void flush(List<Block> blocks, BlockKind kind, String marker, StringBuilder text) {
        if (text.length() == 0) return;
        blocks.add(new Block(kind, marker, inline(text.toString())));
        text.setLength(0);
    }

    /** Inline styles; an opening mark without its closing one is kept as written. */
    static List<Span> inline(String s) {
        List<Span> out = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        boolean bold = false;
        boolean italic = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '`') {
                int end = s.indexOf('`', i + 1);
                if (end > i) {
                    emit(out, plain, bold, italic);
                    out.add(new Span(s.substring(i + 1, end), bold, italic, true));
                    i = end + 1;
                    continue;
                }
            } else if (c == '*' && s.startsWith("**", i) && (bold || s.indexOf("**", i + 2) > 0)) {
                emit(out, plain, bold, italic);
                bold = !bold;
                i += 2;
                continue;
            } else if ((c == '*' || c == '_') && (italic || closes(s, i, c)) && wordBoundary(s, i, c)) {
                emit(out, plain, bold, italic);
                italic = !italic;
                i++;
                continue;
            } else if (c == '[') {
                int close = s.indexOf("](", i);
                int end = close < 0 ? -1 : s.indexOf(')', close);
                if (close > i && end > close) {
                    plain.append(s, i + 1, close);
                    i = end + 1;
                    continue;
                }
            } else if (c == '\\' && i + 1 < s.length() && "*_`[\\".indexOf(s.charAt(i + 1)) >= 0) {
                plain.append(s.charAt(i + 1));
                i += 2;
                continue;
            }
            plain.append(c);
            i++;
        }
        emit(out, plain, bold, italic);
        return out;
    }

    private static boolean closes(String s, int i, char c) {
        int end = s.indexOf(c, i + 1);
        return end > i + 1 && (c != '*' || !s.startsWith("**", end));
    }

    /** snake_case and 2*3 are not italics: an underscore or star must touch a word on one side only. */
    private static boolean wordBoundary(String s, int i, char c) {
        boolean before = i > 0 && Character.isLetterOrDigit(s.charAt(i - 1));
        boolean after = i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i + 1));
        return before != after;
    }

    private static void emit(List<Span> out, StringBuilder plain, boolean bold, boolean italic) {
        if (plain.length() == 0) return;
        out.add(new Span(plain.toString(), bold, italic, false));
        plain.setLength(0);
    }
}
