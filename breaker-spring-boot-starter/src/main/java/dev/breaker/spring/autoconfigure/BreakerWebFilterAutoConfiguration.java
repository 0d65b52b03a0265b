package dev.breaker.spring.autoconfigure;

import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.spring.provider.BreakerProviders;
import dev.breaker.spring.web.server.BreakerWebFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.server.WebFilter;

/**
 * The inbound {@link BreakerWebFilter}, for a reactive web application whose own endpoints forward
 * to providers: requests under a provider's {@code path-prefix} ask its breakers first.
 */
@AutoConfiguration(after = BreakerAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(WebFilter.class)
@ConditionalOnBooleanProperty(name = "breaker.enabled", matchIfMissing = true)
@ConditionalOnBean({BreakerProviders.class, BreakerRegistry.class})
public final class BreakerWebFilterAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    BreakerWebFilter breakerWebFilter(BreakerProviders providers, BreakerRegistry registry) {
        return new BreakerWebFilter(providers, registry);
    }
}
