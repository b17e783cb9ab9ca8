package dev.roundtrip.ui.inspector;

import java.util.ArrayList;
import java.util.List;

/** Lays bytes out as hex and text side by side, 8 per line (fits beside each other on a projector), marking one range as current. */
public final class HexDump {
    public static final int PER_LINE = 8;
    /** Lines shown around the current range so a 5 MiB body does not build 300 000 lines. */
    public static final int MAX_LINES = 96;

    private HexDump() {}

    public static List<HexLine> lines(byte[] data, long total, boolean request, int curFrom, int curTo) {
        List<HexLine> out = new ArrayList<>();
        int lineCount = (data.length + PER_LINE - 1) / PER_LINE;
        int firstLine = 0;
        if (lineCount > MAX_LINES && curFrom >= 0) firstLine = Math.max(0, Math.min(lineCount - MAX_LINES, curFrom / PER_LINE - 4));
        int lastLine = Math.min(lineCount, firstLine + MAX_LINES);
        HexLine.Look normal = request ? HexLine.Look.REQUEST : HexLine.Look.RESPONSE;
        HexLine.Look current = request ? HexLine.Look.REQUEST_CURRENT : HexLine.Look.RESPONSE_CURRENT;
        if (firstLine > 0) out.add(note(InspectorViewModel.T.get("hex.before", firstLine * PER_LINE)));
        for (int line = firstLine; line < lastLine; line++) {
            List<HexLine.Run> hex = new ArrayList<>();
            List<HexLine.Run> text = new ArrayList<>();
            StringBuilder h = new StringBuilder();
            StringBuilder t = new StringBuilder();
            HexLine.Look look = null;
            for (int i = line * PER_LINE; i < Math.min(data.length, (line + 1) * PER_LINE); i++) {
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
            int pad = PER_LINE - Math.min(PER_LINE, data.length - line * PER_LINE);
            if (pad > 0) hex.add(new HexLine.Run("   ".repeat(pad), normal));
            out.add(new HexLine(String.format("%06x", line * PER_LINE), hex, text));
        }
        if (lastLine < lineCount) out.add(note(InspectorViewModel.T.get("hex.more", data.length - lastLine * PER_LINE)));
        if (total > data.length) out.add(note(InspectorViewModel.T.get("hex.notKept", total - data.length)));
        return out;
    }

    private static HexLine note(String s) {
        return new HexLine("", List.of(new HexLine.Run(s, HexLine.Look.NOTE)), List.of());
    }
}
