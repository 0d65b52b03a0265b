package dev.breaker.llm;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.clock.ManualClock;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.spring.llm.BreakerRejections;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.breaker.llm.Upstreams.ANTHROPIC;
import static dev.breaker.llm.Upstreams.OPENAI;
import static dev.breaker.llm.Upstreams.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The one Spring context that every LLM client test shares: Spring AI's own auto-configuration
 * builds the Anthropic and OpenAI chat models, pointed at the WireMock servers, and the starter
 * guards them. Every breaker is reset and every server forgets its stubs before each test.
 */
@SpringBootTest(classes = LlmTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "spring.ai.anthropic.api-key=test-key",
                "spring.ai.anthropic.chat.options.model=" + LlmBreakerTest.SONNET,
                "spring.ai.anthropic.chat.options.max-tokens=64",
                // Spring AI's SDK clients retry twice by default, sleeping as Retry-After says: not in tests.
                "spring.ai.anthropic.max-retries=0",
                "spring.ai.anthropic.timeout=2s",
                "spring.ai.openai.api-key=test-key",
                "spring.ai.openai.chat.options.model=" + LlmBreakerTest.GPT,
                "spring.ai.openai.max-retries=0",
                "breaker.defaults.failure-threshold=3",
                "breaker.defaults.open-duration=30s",
                "breaker.defaults.max-open-duration=10m",
                "breaker.defaults.half-open-max-calls=1",
                "breaker.providers.anthropic.scope=endpoint,model",
                "breaker.providers.anthropic.error-format=anthropic",
                "breaker.providers.openai.error-format=openai",
                "breaker.providers.openai.stream-failure-types=server_error"})
abstract class LlmBreakerTest {

    static final String SONNET = "claude-sonnet-4-5";
    static final String HAIKU = "claude-haiku-4-5";
    static final String GPT = "gpt-4o";
    static final String MESSAGES_KEY = "/v1/messages|" + SONNET;
    static final String CHAT_KEY = "/chat/completions";

    @Autowired
    ManualClock clock;

    @Autowired
    BreakerRegistry registry;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry properties) {
        properties.add("spring.ai.anthropic.base-url", () -> url(ANTHROPIC));
        properties.add("spring.ai.openai.base-url", () -> url(OPENAI) + "/v1");
        properties.add("breaker.providers.anthropic.base-url", () -> url(ANTHROPIC));
        properties.add("breaker.providers.openai.base-url", () -> url(OPENAI) + "/v1");
    }

    @BeforeEach
    void everyBreakerClosedAndNoRequestSeen() {
        Upstreams.resetAll();
        registry.providers().forEach(provider -> provider.breakers().forEach(Breaker::reset));
    }

    Breaker breaker(String provider, String key) {
        Breaker breaker = registry.provider(provider).find(key);
        assertThat(breaker).as("breaker %s/%s", provider, key).isNotNull();
        return breaker;
    }

    /** The call failed because a breaker refused it, whatever the client made of the refusal. */
    static BreakerOpenException refused(ThrowingCallable call) {
        Throwable error = catchThrowable(call);
        assertThat(error).as("the call's error").isNotNull();
        return BreakerRejections.find(error)
                .orElseThrow(() -> new AssertionError("not a breaker refusal: " + error, error));
    }
}
