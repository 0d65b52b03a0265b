package dev.breaker.spring.dialect;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TopLevelModelTests {

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
        TopLevelModel scanner = new TopLevelModel(1024 * 1024);
        assertThat(feed(scanner, "{\"stream\":true,\"model\":\"gpt")).isFalse();
        assertThat(feed(scanner, "-4o\",")).isTrue();
        assertThat(scanner.finish()).isEqualTo("gpt-4o");
    }

    @Test
    void findsTheModelFedOneByteAtATime() {
        TopLevelModel scanner = new TopLevelModel(1024 * 1024);
        byte[] json = "{ \"temperature\" : 0.5, \"model\" : \"o3\" , \"x\": 1}".getBytes(StandardCharsets.UTF_8);
        int fed = 0;
        while (fed < json.length && !scanner.feed(json, fed, 1)) {
            fed++;
        }
        assertThat(scanner.finish()).isEqualTo("o3");
        assertThat(fed).as("stopped right after the model's closing quote").isEqualTo(new String(json).indexOf("\"o3\"") + 3);
    }

    @Test
    void answersNullAtTheEndOfAnObjectWithoutModel() {
        TopLevelModel scanner = new TopLevelModel(1024 * 1024);
        assertThat(feed(scanner, "{\"messages\":[{\"model\":\"nested\"}]}")).isTrue();
        assertThat(scanner.finish()).isNull();
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
        assertThat(new TopLevelModel(1024 * 1024).finish()).isNull();
        assertThat(scanWhole("{\"messages\":[")).isNull();
    }

    @Test
    void doesNotDecideOnAnUnfinishedObject() {
        TopLevelModel scanner = new TopLevelModel(1024 * 1024);
        assertThat(feed(scanner, "{\"messages\":[{\"role\":\"user\"}]")).isFalse();
    }

    @Test
    void looksNoFurtherThanItsLimitEvenInsideOneBuffer() {
        TopLevelModel scanner = new TopLevelModel(20);
        assertThat(feed(scanner, "{\"messages\":[],\"x\":1,\"model\":\"late\"}")).isTrue();
        assertThat(scanner.finish()).isNull();
        TopLevelModel early = new TopLevelModel(20);
        assertThat(feed(early, "{\"model\":\"m\",\"messages\":[1,2,3]}")).isTrue();
        assertThat(early.finish()).isEqualTo("m");
    }

    @Test
    void findsTheModelAfterMessagesOfManyMegabytesWithoutKeepingThem() {
        String image = "A".repeat(20 * 1024 * 1024);
        String json = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"source\":{\"data\":\""
                + image + "\"}}]}],\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64}";
        TopLevelModel scanner = new TopLevelModel(32 * 1024 * 1024);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        for (int offset = 0; offset < bytes.length && !scanner.isDone(); offset += 8192) {
            scanner.feed(bytes, offset, Math.min(8192, bytes.length - offset));
        }

        assertThat(scanner.finish()).isEqualTo("claude-sonnet-4-5");
        assertThat(scanner.limitReached()).isFalse();
    }

    @Test
    void saysWhenItGaveUpAtItsLimit() {
        TopLevelModel scanner = new TopLevelModel(100);
        feed(scanner, "{\"messages\":\"" + "x".repeat(200) + "\",\"model\":\"late\"}");

        assertThat(scanner.finish()).isNull();
        assertThat(scanner.limitReached()).isTrue();
    }

    @Test
    void quotesBracesAndEscapesInsideStringsDoNotConfuseIt() {
        assertThat(scanWhole("{\"messages\":[{\"content\":\"}]} {\\\"model\\\":\\\"decoy\\\"\"}],\"model\":\"real\"}"))
                .isEqualTo("real");
        assertThat(scanWhole("{\"a\":\"\\\\\",\"model\":\"after-backslash\"}")).isEqualTo("after-backslash");
    }

    @Test
    void decodesEscapesInTheKeyAndInTheModel() {
        assertThat(scanWhole("{\"mod\\u0065l\":\"gpt-4o\"}")).isEqualTo("gpt-4o");
        assertThat(scanWhole("{\"model\":\"claude-sonnet-4-5-pr\\u00e9view\"}")).isEqualTo("claude-sonnet-4-5-préview");
        assertThat(scanWhole("{\"model\":\"claude-sonnet-4-5-préview\"}")).isEqualTo("claude-sonnet-4-5-préview");
    }

    @Test
    void skipsScalarsOfEveryKind() {
        assertThat(scanWhole("{\"n\":-1.5e3,\"t\":true,\"f\":false,\"z\":null,\"model\":\"m\"}")).isEqualTo("m");
        assertThat(scanWhole("{ \"n\" : 12 , \"model\" : \"m\" }")).isEqualTo("m");
    }

    @Test
    void aModelLongerThanAnyModelNameIsNoModel() {
        assertThat(scanWhole("{\"model\":\"" + "m".repeat(TopLevelModel.MAX_MODEL_BYTES + 1) + "\"}")).isNull();
    }

    private static boolean feed(TopLevelModel scanner, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return scanner.feed(bytes, 0, bytes.length);
    }

    private static String scanWhole(String json) {
        TopLevelModel scanner = new TopLevelModel(1024 * 1024);
        feed(scanner, json);
        String incremental = scanner.finish();
        assertThat(TopLevelModel.of(json.getBytes(StandardCharsets.UTF_8))).as("the whole-body front-end agrees")
                .isEqualTo(incremental);
        return incremental;
    }
}
