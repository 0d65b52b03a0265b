package dev.breaker.spring.autoconfigure.diagnostics;

import java.util.Arrays;
import java.util.List;

/**
 * The valid key closest to a misspelt one, by edit distance, with map keys ({@code *}) filled in from
 * the misspelt key itself: {@code breaker.provider.anthropic.failure-treshold} is closest to
 * {@code breaker.providers.anthropic.failure-threshold}. A map key that spans several segments
 * ({@code breaker.providers.x.ai.open-duration}) is suggested in brackets ({@code [x.ai]}), which is
 * how Spring Boot binds a map key that contains dots.
 */
final class ClosestKey {

    private ClosestKey() {
    }

    /** The closest valid key, or null when none is close enough to be a likely meaning. */
    static String to(String unknown, List<String> templates) {
        String[] segments = unknown.split("\\.");
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String template : templates) {
            String[] parts = template.split("\\.");
            for (Candidate candidate : candidates(segments, parts)) {
                int distance = distance(unknown, candidate.plain());
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = candidate.shown();
                }
            }
        }
        String leaf = segments[segments.length - 1];
        return best != null && bestDistance <= Math.max(2, leaf.length() / 3) ? best : null;
    }

    /** The template with its map keys filled in from the unknown key's segments at the same places. */
    private static List<Candidate> candidates(String[] unknown, String[] template) {
        int star = Arrays.asList(template).indexOf(PropertyTemplates.MAP_KEY);
        if (star < 0) {
            return List.of(new Candidate(String.join(".", template), String.join(".", template)));
        }
        int after = template.length - star - 1;
        int keyEnd = unknown.length - after;
        if (star >= unknown.length || keyEnd <= star) {
            String key = star < unknown.length ? unknown[star] : "<name>";
            return List.of(filled(template, star, key, key));
        }
        String key = String.join(".", Arrays.copyOfRange(unknown, star, keyEnd));
        String shown = keyEnd - star > 1 ? "[" + key + "]" : key;
        return List.of(filled(template, star, key, shown));
    }

    private static Candidate filled(String[] template, int star, String key, String shown) {
        String[] plain = template.clone();
        String[] display = template.clone();
        plain[star] = key;
        display[star] = shown;
        return new Candidate(String.join(".", plain), String.join(".", display));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** {@code plain} is compared with the unknown key; {@code shown} is what the user should write. */
    private record Candidate(String plain, String shown) {
    }
}
