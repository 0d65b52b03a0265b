package dev.breaker.spring.llm;

import dev.breaker.core.BreakerOpenException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class BreakerRejectionsTests {

    private final BreakerOpenException open = new BreakerOpenException("anthropic", "/v1/messages", Duration.ofSeconds(7));

    @Test
    void findsTheRefusalHoweverDeeplyItIsWrapped() {
        assertThat(BreakerRejections.find(open)).containsSame(open);
        assertThat(BreakerRejections.find(new CompletionException(open))).containsSame(open);
        assertThat(BreakerRejections.find(new LangChain4jBreakerOpenException(open))).containsSame(open);
    }

    @Test
    void otherErrorsAreNoRefusal() {
        assertThat(BreakerRejections.find(new IllegalStateException("boom", new RuntimeException()))).isEmpty();
        assertThat(BreakerRejections.find(null)).isEmpty();
    }
}
