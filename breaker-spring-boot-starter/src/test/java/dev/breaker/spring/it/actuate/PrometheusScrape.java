package dev.breaker.spring.it.actuate;

import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples out of a Prometheus text scrape, whatever order the labels come in. */
final class PrometheusScrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{(.*)} (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;

    PrometheusScrape(String text) {
        this.text = text;
    }

    /** Scrapes {@code /actuator/prometheus}. */
    static PrometheusScrape of(WebTestClient client) {
        return new PrometheusScrape(client.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    /** The value of the sample named {@code name} whose labels include {@code labels}, or null. */
    Double value(String name, Map<String, String> labels) {
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches() && sample.group(1).equals(name) && hasLabels(sample.group(2), labels)) {
                return Double.valueOf(sample.group(3));
            }
        }
        return null;
    }

    private static boolean hasLabels(String text, Map<String, String> labels) {
        int found = 0;
        Matcher label = LABEL.matcher(text);
        while (label.find()) {
            if (label.group(2).equals(labels.get(label.group(1)))) {
                found++;
            }
        }
        return found == labels.size();
    }
}
