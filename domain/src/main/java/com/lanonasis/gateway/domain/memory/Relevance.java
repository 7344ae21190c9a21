package com.lanonasis.gateway.domain.memory;

import java.util.List;
import java.util.Locale;

/**
 * Scores an entry against search terms, 0..1. A whole-phrase hit in the title counts most, then
 * each term found in the title, in a tag, and in the content. Deliberately simple: semantic
 * search will replace it behind the same use case.
 */
public final class Relevance {

    private static final double PHRASE_IN_TITLE = 0.3;
    private static final double TERM_IN_TITLE = 0.35;
    private static final double TERM_IN_TAGS = 0.2;
    private static final double TERM_IN_CONTENT = 0.15;

    private Relevance() {
    }

    public static double score(MemoryEntry entry, String query, List<String> terms) {
        if (terms.isEmpty()) {
            return 0;
        }
        String title = entry.title().value().toLowerCase(Locale.ROOT);
        String content = entry.content().value().toLowerCase(Locale.ROOT);
        List<String> tags = entry.tags().values().stream().map(tag -> tag.toLowerCase(Locale.ROOT)).toList();
        double perTerm = 0;
        for (String term : terms) {
            if (title.contains(term)) {
                perTerm += TERM_IN_TITLE;
            }
            if (tags.stream().anyMatch(tag -> tag.contains(term))) {
                perTerm += TERM_IN_TAGS;
            }
            if (content.contains(term)) {
                perTerm += TERM_IN_CONTENT;
            }
        }
        double score = perTerm / terms.size();
        if (title.contains(query.toLowerCase(Locale.ROOT).strip())) {
            score += PHRASE_IN_TITLE;
        }
        return Math.min(1.0, Math.round(score * 1000) / 1000.0);
    }
}
