package dev.breaker.spring.autoconfigure;

import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.spring.aop.ProviderBreakerAdvisor;
import dev.breaker.spring.aop.ProviderBreakerValidator;
import dev.breaker.spring.provider.BreakerProviders;
import org.springframework.aop.Advisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;

/**
 * {@code @ProviderBreaker} on bean methods. A plain Spring AOP advisor, so it needs spring-aop only:
 * Spring Boot's {@code AopAutoConfiguration} proxies beans for it with or without AspectJ
 * ({@code spring-boot-starter-aspectj} is not required).
 *
 * <p>Both beans are static and take their collaborators lazily: proxy infrastructure is created
 * before ordinary beans, and must not drag the breaker registry along with it.
 */
@AutoConfiguration(after = BreakerAutoConfiguration.class)
@ConditionalOnClass(Advisor.class)
@ConditionalOnBooleanProperty(name = "breaker.enabled", matchIfMissing = true)
@ConditionalOnBean(BreakerRegistry.class)
public final class BreakerAspectAutoConfiguration {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    @ConditionalOnMissingBean
    static ProviderBreakerAdvisor providerBreakerAdvisor(ObjectProvider<BreakerRegistry> registry,
                                                         ObjectProvider<BreakerProviders> providers) {
        return new ProviderBreakerAdvisor(registry::getObject, providers::getObject);
    }

    @Bean
    @ConditionalOnMissingBean
    static ProviderBreakerValidator providerBreakerValidator(ObjectProvider<BreakerRegistry> registry,
                                                             ObjectProvider<BreakerProviders> providers) {
        return new ProviderBreakerValidator(registry::getObject, providers::getObject);
    }
}
