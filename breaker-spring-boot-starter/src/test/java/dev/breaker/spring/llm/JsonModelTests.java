package dev.breaker.spring.llm;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonModelTests {

    @Test
    void findsTheTopLevelModelWhereverItStands() {
        assertThat(JsonModel.of("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64}")).isEqualTo("claude-sonnet-4-5");
        // The SDKs write their fields in alphabetical order: the model comes after the messages.
        assertThat(JsonModel.of("{\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],"
                + "\"model\":\"gpt-4o\",\"stream\":true}")).isEqualTo("gpt-4o");
    }

    @Test
    void nestedModelsDoNotCount() {
        assertThat(JsonModel.of("{\"metadata\":{\"model\":\"decoy\"},\"messages\":[{\"model\":\"decoy\"}]}")).isNull();
        assertThat(JsonModel.of("{\"metadata\":{\"model\":\"decoy\"},\"model\":\"real\"}")).isEqualTo("real");
    }

    @Test
    void anythingElseHasNoModel() {
        assertThat(JsonModel.of("[{\"model\":\"x\"}]")).isNull();
        assertThat(JsonModel.of("{\"model\":42}")).isNull();
        assertThat(JsonModel.of("not json")).isNull();
        assertThat(JsonModel.of("{\"model\":")).isNull();
        assertThat(JsonModel.of((String) null)).isNull();
        assertThat(JsonModel.of(new byte[0])).isNull();
    }
}
