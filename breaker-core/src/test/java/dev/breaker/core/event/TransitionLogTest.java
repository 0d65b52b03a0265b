package dev.breaker.core.event;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.breaker.core.BreakerConfig;
import dev.breaker.core.clock.ManualClock;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.registry.ProviderBreakers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TransitionLogTest {

    private final ManualClock clock = new ManualClock();
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger("dev.breaker");
    private final BreakerRegistry registry = BreakerRegistry.builder().clock(clock)
            .provider("anthropic", BreakerConfig.builder().failureThreshold(1).build())
            .provider("openai", BreakerConfig.builder().failureThreshold(1).build())
            .build();

    @BeforeEach
    void listen() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(lines);
    }

    @Test
    void twelveThousandClientChosenModelsThatTripWriteAtMostTheBudgetOfLinesPerMinute() {
        ProviderBreakers anthropic = registry.provider("anthropic");

        for (int i = 0; i < 12_000; i++) {
            anthropic.acquire("model-" + i).onFailure(529);
        }

        assertThat(lines.list).hasSize(TransitionLog.LINES_PER_PERIOD)
                .allMatch(line -> line.getLevel() == Level.WARN);
        assertThat(anthropic.breakers()).hasSize(12_000).as("every breaker still tripped");
    }

    @Test
    void theFirstLineOfTheNextPeriodSaysHowManyWereLeftOut() {
        ProviderBreakers anthropic = registry.provider("anthropic");
        for (int i = 0; i < 100; i++) {
            anthropic.acquire("model-" + i).onFailure(529);
        }

        clock.advance(TransitionLog.PERIOD);
        anthropic.acquire("model-late").onFailure(529);

        assertThat(lines.list).hasSize(TransitionLog.LINES_PER_PERIOD + 1);
        assertThat(lines.list.get(TransitionLog.LINES_PER_PERIOD).getFormattedMessage())
                .contains("key=model-late", "80 earlier state changes of provider 'anthropic' were not logged");
    }

    @Test
    void eachProviderHasItsOwnBudget() {
        for (int i = 0; i < 100; i++) {
            registry.provider("anthropic").acquire("model-" + i).onFailure(529);
        }

        registry.provider("openai").acquire("gpt-4o").onFailure(529);

        assertThat(lines.list).last().satisfies(line ->
                assertThat(line.getFormattedMessage()).contains("provider=openai").doesNotContain("not logged"));
    }

    @Test
    void aQuietProviderLogsEveryChange() {
        ProviderBreakers anthropic = registry.provider("anthropic");
        anthropic.acquire("/v1/messages").onFailure(529);
        clock.advance(Duration.ofSeconds(30));
        anthropic.acquire("/v1/messages").onSuccess();

        assertThat(lines.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
    }
}
