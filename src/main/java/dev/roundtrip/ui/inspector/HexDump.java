package dev.roundtrip.ui.inspector;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays bytes out as hex and text side by side, as many per line as the column has room for (an even
 * number from 4 to 16, 8 until the column's width is known), marking one range as current.
 */
public final class HexDump {
    /** Until the column's width is known. */
    public static final int PER_LINE = 8;
    public static final int MIN_PER_LINE = 4;
    public static final int MAX_PER_LINE = 16;
    /** Lines shown around the current range so a 5 MiB body does not build 300 000 lines. */
    public static final int MAX_LINES = 96;

    private HexDump() {}

    /** Characters of a line holding {@code perLine} bytes: offset, two spaces, "xx " per byte, a space, a character per byte. */
    public static int charsPerLine(int perLine) {
        return 6 + 2 + 3 * perLine + 1 + perLine;
    }

    /** The most bytes per line (even, so offsets stay round) whose line fits in {@code chars} characters; never fewer than 4. */
    public static int perLineFitting(double chars) {
        int n = (int) Math.floor((chars - charsPerLine(0)) / 4);
        n -= n % 2;
        return Math.max(MIN_PER_LINE, Math.min(MAX_PER_LINE, n));
    }

    public static List<HexLine> lines(byte[] data, long total, boolean request, int curFrom, int curTo, int perLine) {
        if (perLine < 1) throw new IllegalArgumentException("bytes per line must be at least 1, was " + perLine);
        List<HexLine> out = new ArrayList<>();
        int lineCount = (data.length + perLine - 1) / perLine;
        int firstLine = 0;
        if (lineCount > MAX_LINES && curFrom >= 0) firstLine = Math.max(0, Math.min(lineCount - MAX_LINES, curFrom / perLine - 4));
        int lastLine = Math.min(lineCount, firstLine + MAX_LINES);
        HexLine.Look normal = request ? HexLine.Look.REQUEST : HexLine.Look.RESPONSE;
        HexLine.Look current = request ? HexLine.Look.REQUEST_CURRENT : HexLine.Look.RESPONSE_CURRENT;
        if (firstLine > 0) out.add(note(InspectorViewModel.T.get("hex.before", firstLine * perLine)));
        for (int line = firstLine; line < lastLine; line++) {
            List<HexLine.Run> hex = new ArrayList<>();
            List<HexLine.Run> text = new ArrayList<>();
            StringBuilder h = new StringBuilder();
            StringBuilder t = new StringBuilder();
            HexLine.Look look = null;
            for (int i = line * perLine; i < Math.min(data.length, (line + 1) * perLine); i++) {
                HexLine.Look l = i >= curFrom && i < curTo ? current : normal;
                if (look != null && l != look) {
                    hex.add(new HexLine.Run(h.toString(), look));
                    text.add(new HexLine.Run(t.toString(), look));
                    h.setLength(0);
                    t.setLength(0);
                }
                look = l;
                int v = data[i] & 0xff;
                h.append(String.format("%02x ", v));
                t.append(v >= 0x20 && v < 0x7f ? (char) v : v == '\r' ? '←' : v == '\n' ? '↓' : '·');
            }
            if (look != null) {
                hex.add(new HexLine.Run(h.toString(), look));
                text.add(new HexLine.Run(t.toString(), look));
            }
            int pad = perLine - Math.min(perLine, data.length - line * perLine);
            if (pad > 0) hex.add(new HexLine.Run("   ".repeat(pad), normal));
            out.add(new HexLine(String.format("%06x", line * perLine), hex, text));
        }
        if (lastLine < lineCount) out.add(note(InspectorViewModel.T.get("hex.more", data.length - lastLine * perLine)));
        if (total > data.length) out.add(note(InspectorViewModel.T.get("hex.notKept", total - data.length)));
        return out;
    }

    private static HexLine note(String s) {
        return new HexLine("", List.of(new HexLine.Run(s, HexLine.Look.NOTE)), List.of());
    }
}
