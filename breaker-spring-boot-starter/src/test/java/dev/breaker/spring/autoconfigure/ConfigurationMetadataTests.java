package dev.breaker.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated configuration metadata, which IDEs complete from, documents every property and default. */
class ConfigurationMetadataTests {

    /** The defaults table of DESIGN.md, as JSON; null where the table says "none". */
    private static final Map<String, String> DOCUMENTED_DEFAULTS = documentedDefaults();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, JsonNode> properties = readProperties();

    @Test
    void describesEveryProperty() {
        assertThat(properties).isNotEmpty();
        properties.forEach((name, property) -> assertThat(property.path("description").asString(""))
                .as("description of %s", name).isNotBlank());
    }

    @Test
    void documentsEveryProviderPropertyUnderTheDefaults() {
        assertThat(properties.keySet().stream().filter(name -> name.startsWith("breaker.defaults.")))
                .containsExactlyInAnyOrderElementsOf(DOCUMENTED_DEFAULTS.keySet().stream()
                        .map(key -> "breaker.defaults." + key).toList());
    }

    @Test
    void givesEveryDocumentedDefault() {
        DOCUMENTED_DEFAULTS.forEach((key, expected) -> {
            JsonNode defaultValue = properties.get("breaker.defaults." + key).get("defaultValue");
            if (expected == null) {
                assertThat(defaultValue).as("default of %s", key).isNull();
            } else {
                assertThat(defaultValue).as("default of %s", key).isNotNull();
                JsonNode documented = JSON.readTree(expected);
                if (documented.isNumber()) {
                    assertThat(defaultValue.asDouble()).as("default of %s", key).isEqualTo(documented.asDouble());
                } else {
                    assertThat(defaultValue).as("default of %s", key).isEqualTo(documented);
                }
            }
        });
    }

    @Test
    void saysWhatAnUnsetPropertyWithoutDefaultMeans() {
        DOCUMENTED_DEFAULTS.forEach((key, expected) -> {
            if (expected == null) {
                assertThat(properties.get("breaker.defaults." + key).path("description").asString())
                        .as("description of %s", key).containsAnyOf("When unset", "Unset", "Defaults to");
            }
        });
    }

    @Test
    void givesTheTopLevelDefaults() {
        assertThat(properties.get("breaker.enabled").get("defaultValue").asBoolean()).isTrue();
    }

    @Test
    void hintsTheScopesAndErrorFormats() throws IOException {
        JsonNode hints = metadata().get("hints");
        List<String> scopeValues = hintValues(hints, "breaker.defaults.scope");
        assertThat(scopeValues).containsExactlyInAnyOrder("provider", "endpoint", "model", "tenant");
        assertThat(hintValues(hints, "breaker.defaults.error-format"))
                .containsExactlyInAnyOrder("anthropic", "openai", "problem");
    }

    private static List<String> hintValues(JsonNode hints, String name) {
        return StreamSupport.stream(hints.spliterator(), false)
                .filter(hint -> hint.path("name").asString().equals(name))
                .flatMap(hint -> StreamSupport.stream(hint.path("values").spliterator(), false))
                .map(value -> value.path("value").asString())
                .toList();
    }

    private static Map<String, String> documentedDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("enabled", "true");
        defaults.put("path-prefix", null);
        defaults.put("base-url", null);
        defaults.put("scope", "[\"endpoint\"]");
        defaults.put("model-header", null);
        defaults.put("tenant-header", "\"X-Tenant-Id\"");
        defaults.put("failure-statuses", "[429,503,504,529]");
        defaults.put("count-timeouts", "true");
        defaults.put("failure-threshold", null);
        defaults.put("failure-rate-threshold", "0.5");
        defaults.put("minimum-calls", "10");
        defaults.put("window-size", "100");
        defaults.put("window-duration", "\"60s\"");
        defaults.put("open-duration", "\"30s\"");
        defaults.put("backoff-multiplier", "1.0");
        defaults.put("max-open-duration", "\"5m\"");
        defaults.put("half-open-max-calls", "3");
        defaults.put("half-open-successes-to-close", null);
        defaults.put("honor-retry-after", "true");
        defaults.put("error-format", "\"problem\"");
        defaults.put("rejection-status", "503");
        defaults.put("quota-errors", "true");
        defaults.put("open-jitter", "0");
        defaults.put("max-breakers", "10000");
        defaults.put("probe-timeout", "\"60s\"");
        defaults.put("stream-failure-types", "[\"overloaded_error\",\"rate_limit_error\",\"api_error\",\"server_error\"]");
        defaults.put("model-search-limit", "\"32MB\"");
        defaults.put("slow-call-duration", null);
        defaults.put("slow-call-rate-threshold", "0.5");
        defaults.put("key-tag", "true");
        defaults.put("key-series-limit", "100");
        return defaults;
    }

    private static Map<String, JsonNode> readProperties() {
        try {
            Map<String, JsonNode> byName = new LinkedHashMap<>();
            metadata().get("properties").forEach(property -> byName.put(property.get("name").asString(), property));
            return byName;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode metadata() throws IOException {
        try (InputStream in = ConfigurationMetadataTests.class.getResourceAsStream(
                "/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated metadata").isNotNull();
            return JSON.readTree(in);
        }
    }
}
