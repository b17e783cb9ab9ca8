package dev.roundtrip.ui.inspector;

import java.util.List;

/** One line of a hex dump: offset, hex and text columns, split into runs that share a look. */
public record HexLine(String offset, List<Run> hex, List<Run> text) {
    public HexLine {
        hex = List.copyOf(hex);
        text = List.copyOf(text);
    }

    /** Who wrote these bytes, and whether they are the part just read or written. */
    public enum Look { REQUEST, REQUEST_CURRENT, RESPONSE, RESPONSE_CURRENT, NOTE }

    public record Run(String text, Look look) {}
}
