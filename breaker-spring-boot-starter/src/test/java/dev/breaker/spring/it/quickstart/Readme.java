package dev.breaker.spring.it.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's README.md, read from the module directory that Maven runs the tests in. */
final class Readme {

    static final String CONFIGURATION_MARKER = "<!-- quick-start-config";
    private static final String QUICK_START_HEADING = "## Quick start";

    private Readme() {
    }

    static String text() {
        try {
            return Files.readString(Path.of("..", "README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The README's quick start section, up to the next second-level heading. */
    static String quickStart() {
        String text = text();
        int start = text.indexOf(QUICK_START_HEADING);
        if (start < 0) {
            throw new IllegalStateException("README.md has no '" + QUICK_START_HEADING + "' section");
        }
        int end = text.indexOf("\n## ", start + QUICK_START_HEADING.length());
        return end < 0 ? text.substring(start) : text.substring(start, end);
    }

    /** The first YAML block after the quick-start-config marker. */
    static String quickStartConfiguration() {
        String quickStart = quickStart();
        int marker = quickStart.indexOf(CONFIGURATION_MARKER);
        if (marker < 0) {
            throw new IllegalStateException("README.md's quick start lost its '" + CONFIGURATION_MARKER + "' marker");
        }
        int start = quickStart.indexOf("```yaml\n", marker);
        int end = quickStart.indexOf("```", start + 8);
        if (start < 0 || end < 0) {
            throw new IllegalStateException("no ```yaml block after the quick-start-config marker in README.md");
        }
        return quickStart.substring(start + 8, end);
    }
}
