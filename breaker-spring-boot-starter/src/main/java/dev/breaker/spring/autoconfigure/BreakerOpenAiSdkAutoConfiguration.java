package dev.breaker.spring.autoconfigure;

import com.openai.core.http.HttpClient;
import dev.breaker.spring.llm.OpenAiBreakers;
import dev.breaker.spring.outbound.OutboundGuard;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Wraps the HTTP clients of OpenAI Java SDK clients built by the application:
 * {@code ClientOptions.builder().httpClient(openAiBreakers.wrap(OkHttpClient.builder().build()))}.
 */
@AutoConfiguration(after = BreakerOutboundGuardAutoConfiguration.class)
@ConditionalOnClass(HttpClient.class)
@ConditionalOnBean(OutboundGuard.class)
public final class BreakerOpenAiSdkAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAiBreakers openAiBreakers(OutboundGuard guard) {
        return new OpenAiBreakers(guard);
    }
}
