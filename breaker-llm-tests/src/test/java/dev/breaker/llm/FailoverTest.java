package dev.breaker.llm;

import dev.breaker.core.Breaker;
import dev.breaker.core.clock.ManualClock;
import dev.breaker.core.registry.BreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context the failover tests share: Spring AI's own auto-configuration builds the
 * three chat models, the starter guards them and chains them ({@link FailoverSettings}). Every
 * breaker is reset and every server forgets its stubs and requests before each test.
 */
@SpringBootTest(classes = FailoverTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
abstract class FailoverTest {

    @Autowired
    @Qualifier("breakerFallbackChatModel")
    ChatModel chain;

    @Autowired
    ManualClock clock;

    @Autowired
    BreakerRegistry registry;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry properties) {
        for (String property : FailoverSettings.PROPERTIES) {
            int equals = property.indexOf('=');
            properties.add(property.substring(0, equals), () -> property.substring(equals + 1));
        }
        properties.add("breaker.fallback.chat-models", () -> FailoverSettings.CHAIN);
        for (String property : FailoverSettings.urls()) {
            int equals = property.indexOf('=');
            properties.add(property.substring(0, equals), () -> property.substring(equals + 1));
        }
    }

    @BeforeEach
    void everyBreakerClosedAndNoRequestSeen() {
        FailoverUpstreams.resetAll();
        registry.providers().forEach(provider -> provider.breakers().forEach(Breaker::reset));
    }

    Breaker breaker(String provider, String key) {
        return registry.breaker(provider, key);
    }

    double fallbacks(String from, String to) {
        return meters.get("breaker.fallbacks").tags("from", from, "to", to).counter().count();
    }
}
