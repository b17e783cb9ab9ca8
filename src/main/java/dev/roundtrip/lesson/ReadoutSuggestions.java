package dev.roundtrip.lesson;

import dev.roundtrip.trace.Phrase;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Says what a misspelt readout name probably meant; the full list is too long for one message. */
final class ReadoutSuggestions {
    private ReadoutSuggestions() {}

    static Phrase suggest(String wrong) {
        String w = wrong.toLowerCase(Locale.ROOT);
        ReadoutCatalog.Entry best = ReadoutCatalog.all().stream()
                .min(Comparator.comparingInt(e -> distance(w, e.name().toLowerCase(Locale.ROOT))))
                .orElseThrow();
        if (distance(w, best.name().toLowerCase(Locale.ROOT)) <= Math.max(3, wrong.length() / 4)) {
            return Phrase.of("lesson.didYouMean", best.name());
        }
        String prefix = wrong.contains(".") ? wrong.substring(0, wrong.indexOf('.') + 1) : wrong;
        List<String> same = ReadoutCatalog.all().stream().map(ReadoutCatalog.Entry::name).filter(n -> n.startsWith(prefix)).toList();
        if (!same.isEmpty()) return Phrase.of("lesson.expectedOneOf", String.join(", ", same));
        List<String> groups = ReadoutCatalog.all().stream().map(e -> e.name().substring(0, e.name().indexOf('.')) + ".*").distinct().toList();
        return Phrase.of("lesson.expectedReadoutGroup", String.join(", ", groups));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
