package dev.breaker.spring.autoconfigure;

import dev.breaker.spring.llm.LangChain4jBreakers;
import dev.breaker.spring.outbound.OutboundGuard;
import dev.langchain4j.http.client.HttpClientBuilder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Hands out LangChain4j HTTP client builders whose clients go through the breaker:
 * {@code AnthropicChatModel.builder().httpClientBuilder(langChain4jBreakers.httpClientBuilder())}.
 */
@AutoConfiguration(after = BreakerOutboundGuardAutoConfiguration.class)
@ConditionalOnClass(HttpClientBuilder.class)
@ConditionalOnBean(OutboundGuard.class)
public final class BreakerLangChain4jAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    LangChain4jBreakers langChain4jBreakers(OutboundGuard guard) {
        return new LangChain4jBreakers(guard);
    }
}
