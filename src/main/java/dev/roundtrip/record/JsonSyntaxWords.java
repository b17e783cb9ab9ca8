package dev.roundtrip.record;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's syntax messages in the words of someone who opened the file in an editor: what was
 * found at the place, and what JSON needs there. A message it does not know stays as Jackson wrote it.
 */
final class JsonSyntaxWords {
    private JsonSyntaxWords() {}

    private record Rule(Pattern pattern, Function<Matcher, String> words) {}

    private static final String CHAR = "\\('(.+?)' \\(code (\\d+)[^)]*\\)\\)";

    private static final List<Rule> RULES = List.of(
            rule("Unrecognized token '(.*)': was expecting .*",
                    m -> "'" + m.group(1) + "' is not a JSON value (a value is a \"string\", a number, an object, an array, true, false or null)"),
            rule("Unexpected character " + CHAR + ": was expecting double-quote to start field name",
                    m -> found(m) + " where a field name in double quotes belongs (JSON writes \"name\": value)"),
            rule("Unexpected character " + CHAR + ": was expecting comma to separate Object entries",
                    m -> found(m) + " where ',' (another field) or '}' (the end of the object) belongs"),
            rule("Unexpected character " + CHAR + ": was expecting comma to separate Array entries",
                    m -> found(m) + " where ',' (another element) or ']' (the end of the array) belongs"),
            rule("Unexpected character " + CHAR + ": was expecting a colon to separate field name and value",
                    m -> found(m) + " where ':' belongs, between a field name and its value"),
            rule("Unexpected character " + CHAR + ": expected a valid value.*",
                    m -> found(m) + " where a value belongs (a \"string\", a number, an object, an array, true, false or null)"),
            rule("Unexpected close marker '(.)': expected '(.)' \\((.*)\\)",
                    m -> "'" + m.group(1) + "' where '" + m.group(2) + "' belongs, to close " + m.group(3).replace("for the", "the")),
            rule("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\): has to be escaped.*",
                    m -> "a control character (0x" + hex(m.group(1)) + ") inside a string; JSON writes it as an escape such as \\n or \\u"
                            + String.format(java.util.Locale.ROOT, "%04X", Integer.parseInt(m.group(1)))),
            rule("Unrecognized character escape '(.+?)' \\(code (\\d+)\\)",
                    m -> "'\\" + m.group(1) + "' is not a JSON escape (JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)"),
            rule("Invalid numeric value: (.*)", m -> "not a JSON number: " + lower(m.group(1))),
            rule("Unexpected character " + CHAR + " in numeric value: (.*?)(, for valid numeric value)?",
                    m -> found(m) + " in a number: " + m.group(3)),
            rule("Unexpected character " + CHAR + ".*", m -> found(m) + " where JSON does not allow it"));

    private static Rule rule(String regex, Function<Matcher, String> words) {
        return new Rule(Pattern.compile(regex), words);
    }

    /** {@code why} (Jackson's first line, locations already in our words) said plainly. */
    static String plain(String why) {
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(why);
            if (m.matches()) return r.words().apply(m);
        }
        return why;
    }

    private static String found(Matcher m) {
        int code = Integer.parseInt(m.group(2));
        if (code == '\'') return "a single quote (JSON quotes with \")";
        return code < 0x20 || code == 0x7f ? "a control character (0x" + hex(m.group(2)) + ")" : "'" + m.group(1) + "'";
    }

    private static String hex(String decimal) {
        return String.format(java.util.Locale.ROOT, "%02X", Integer.parseInt(decimal));
    }

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
