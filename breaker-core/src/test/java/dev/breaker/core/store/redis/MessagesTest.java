package dev.breaker.core.store.redis;

import dev.breaker.core.BreakerId;
import dev.breaker.core.BreakerState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"/v1/messages", "", "a key with spaces", "{braces}", "claude-sonnet-4-5-préview", "*"})
    void aWakeMessageNamesItsBreakerAndOriginWhateverTheKey(String key) {
        BreakerId id = new BreakerId("anthropic eu", key);

        Messages.Message message = Messages.parse(Messages.wake("replica-1", Messages.tail(id)));

        assertThat(message).isEqualTo(new Messages.Wake(id, "replica-1"));
    }

    @Test
    void readsAStateMessageAsTheSyncScriptWritesIt() {
        BreakerId id = new BreakerId("openai", "/v1/chat completions");
        String text = "S 1767225600000001 OPEN 0 1767225630000 replica-2 " + Messages.tail(id);

        assertThat(Messages.parse(text)).isEqualTo(new Messages.StateChanged(id, "replica-2",
                new StoredState(BreakerState.OPEN, false, 1767225630000L, 1767225600000001L)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "X 1 2", "C replica", "C replica x/v1", "C replica 0 /v1", "C replica 99 ab",
            "S 1 OPEN 0 0 replica", "S x OPEN 0 0 replica 1 p/k", "S 1 AJAR 0 0 replica 1 p/k"})
    void ignoresWhatItCannotRead(String text) {
        assertThat(Messages.parse(text)).isNull();
    }
}
