package dev.breaker.spring.web.server;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class JsonModelScannerTests {

    @Test
    void findsTheTopLevelModel() {
        assertThat(scanWhole("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10}")).isEqualTo("claude-sonnet-4-5");
    }

    @Test
    void skipsNestedModelFieldsAndFindsTheTopLevelOneAfterThem() {
        String json = "{\"metadata\":{\"model\":\"nested\"},\"messages\":[{\"model\":\"in-array\"}],\"model\":\"gpt-4o\"}";
        assertThat(scanWhole(json)).isEqualTo("gpt-4o");
    }

    @Test
    void answersAsSoonAsTheModelValueIsComplete() {
        JsonModelScanner scanner = new JsonModelScanner(1024 * 1024);
        assertThat(feed(scanner, "{\"stream\":true,\"model\":\"gpt")).isFalse();
        assertThat(feed(scanner, "-4o\",")).isTrue();
        assertThat(scanner.answer()).isEqualTo("gpt-4o");
    }

    @Test
    void findsTheModelFedOneByteAtATime() {
        JsonModelScanner scanner = new JsonModelScanner(1024 * 1024);
        byte[] json = "{ \"temperature\" : 0.5, \"model\" : \"o3\" , \"x\": 1}".getBytes(StandardCharsets.UTF_8);
        int fed = 0;
        while (fed < json.length && !scanner.feed(json, fed, 1)) {
            fed++;
        }
        assertThat(scanner.answer()).isEqualTo("o3");
        assertThat(fed).as("stopped right after the model's closing quote").isEqualTo(new String(json).indexOf("\"o3\"") + 3);
    }

    @Test
    void answersNullAtTheEndOfAnObjectWithoutModel() {
        JsonModelScanner scanner = new JsonModelScanner(1024 * 1024);
        assertThat(feed(scanner, "{\"messages\":[{\"model\":\"nested\"}]}")).isTrue();
        assertThat(scanner.answer()).isNull();
    }

    @Test
    void answersNullForBodiesThatAreNoJsonObject() {
        assertThat(scanWhole("model=gpt-4o")).isNull();
        assertThat(scanWhole("[{\"model\":\"gpt-4o\"}]")).isNull();
        assertThat(scanWhole("\"model\"")).isNull();
        assertThat(scanWhole("{\"model\" gpt-4o}")).isNull();
    }

    @Test
    void answersNullWhenTheModelIsNoString() {
        assertThat(scanWhole("{\"model\":{\"name\":\"gpt-4o\"},\"x\":1}")).isNull();
        assertThat(scanWhole("{\"model\":null}")).isNull();
    }

    @Test
    void answersNullForAnEmptyOrTruncatedBody() {
        assertThat(new JsonModelScanner(1024 * 1024).answer()).isNull();
        assertThat(scanWhole("{\"messages\":[")).isNull();
    }

    @Test
    void doesNotDecideOnAnUnfinishedObject() {
        JsonModelScanner scanner = new JsonModelScanner(1024 * 1024);
        assertThat(feed(scanner, "{\"messages\":[{\"role\":\"user\"}]")).isFalse();
    }

    @Test
    void looksNoFurtherThanItsLimitEvenInsideOneBuffer() {
        JsonModelScanner scanner = new JsonModelScanner(20);
        assertThat(feed(scanner, "{\"messages\":[],\"x\":1,\"model\":\"late\"}")).isTrue();
        assertThat(scanner.answer()).isNull();
        JsonModelScanner early = new JsonModelScanner(20);
        assertThat(feed(early, "{\"model\":\"m\",\"messages\":[1,2,3]}")).isTrue();
        assertThat(early.answer()).isEqualTo("m");
    }

    private static boolean feed(JsonModelScanner scanner, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return scanner.feed(bytes, 0, bytes.length);
    }

    private static String scanWhole(String json) {
        JsonModelScanner scanner = new JsonModelScanner(1024 * 1024);
        feed(scanner, json);
        return scanner.answer();
    }
}
