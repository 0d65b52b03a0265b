package dev.breaker.llm;

import dev.breaker.core.Breaker;
import dev.breaker.core.BreakerState;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.core.store.redis.RedisStateStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.breaker.llm.FailoverSettings.GPT_ENTRY;
import static dev.breaker.llm.FailoverSettings.SONNET_KEY;
import static dev.breaker.llm.Upstreams.ANTHROPIC;
import static dev.breaker.llm.Upstreams.CHAT;
import static dev.breaker.llm.Upstreams.COMPLETION_JSON;
import static dev.breaker.llm.Upstreams.MESSAGES;
import static dev.breaker.llm.Upstreams.OPENAI;
import static dev.breaker.llm.Upstreams.anthropicOverloaded;
import static dev.breaker.llm.Upstreams.json;
import static dev.breaker.llm.Upstreams.requestsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** With {@code breaker.store.type: redis}, a provider open on any replica is skipped by the chain on all. */
class FailoverReplicasTests {

    private static EmbeddedRedis redis;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void twoReplicasSharingRedis() {
        redis = EmbeddedRedis.start();
        first = replica();
        second = replica();
        await().atMost(Duration.ofSeconds(30)).until(() -> connected(first) && connected(second));
    }

    @AfterAll
    static void stop() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void anthropicTrippedOnOneReplicaIsSkippedByTheOtherWithoutARequest() {
        FailoverUpstreams.resetAll();
        ANTHROPIC.stubFor(any(urlPathEqualTo(MESSAGES)).willReturn(anthropicOverloaded(null)));
        OPENAI.stubFor(any(urlPathEqualTo(CHAT)).willReturn(json(200, COMPLETION_JSON)));
        Breaker seenBySecond = second.getBean(BreakerRegistry.class).breaker("anthropic", SONNET_KEY);

        for (int i = 0; i < 3; i++) {
            assertThat(chain(first).call(new Prompt("Hi")).getMetadata().getModel()).isEqualTo(GPT_ENTRY);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> seenBySecond.state() == BreakerState.OPEN);

        for (int i = 0; i < 3; i++) {
            assertThat(chain(second).call(new Prompt("Hi")).getMetadata().getModel()).isEqualTo(GPT_ENTRY);
        }

        assertThat(requestsTo(ANTHROPIC)).isEqualTo(3);
        assertThat(requestsTo(OPENAI)).isEqualTo(6);
    }

    private static ConfigurableApplicationContext replica() {
        return new SpringApplicationBuilder(FailoverReplicaApplication.class).web(WebApplicationType.NONE)
                .run(FailoverSettings.arguments(FailoverSettings.CHAIN, "breaker.store.type=redis",
                        "breaker.store.redis.url=" + redis.uri(), "breaker.store.redis.key-prefix=failover:"));
    }

    private static ChatModel chain(ConfigurableApplicationContext replica) {
        return replica.getBean("breakerFallbackChatModel", ChatModel.class);
    }

    private static boolean connected(ConfigurableApplicationContext replica) {
        return replica.getBean(RedisStateStore.class).status().connected();
    }
}
