package dev.breaker.llm.conformance;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one Spring context of the conformance tests: {@link ConformanceApplication} on a random port,
 * with a provider per door and dialect, all with the same settings. A door never shares a provider
 * with another, so no door's calls move another door's breakers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ConformanceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "breaker.defaults.failure-threshold=2",
                "breaker.defaults.open-duration=30s",
                "breaker.defaults.max-open-duration=10m",
                "breaker.defaults.scope=endpoint,model",
                "breaker.defaults.count-timeouts=true",
                "breaker.providers.in-anthropic.path-prefix=/in-anthropic",
                "breaker.providers.in-anthropic.error-format=anthropic",
                "breaker.providers.in-openai.path-prefix=/in-openai",
                "breaker.providers.in-openai.error-format=openai",
                "breaker.providers.wc-anthropic.error-format=anthropic",
                "breaker.providers.wc-openai.error-format=openai",
                "breaker.providers.rc-anthropic.error-format=anthropic",
                "breaker.providers.rc-openai.error-format=openai",
                "breaker.providers.aop-anthropic.error-format=anthropic",
                "breaker.providers.aop-openai.error-format=openai",
                "breaker.providers.springai-anthropic.error-format=anthropic",
                "breaker.providers.springai-openai.error-format=openai",
                "breaker.providers.sdk-anthropic.error-format=anthropic",
                "breaker.providers.sdk-openai.error-format=openai",
                "breaker.providers.lc4j-anthropic.error-format=anthropic",
                "breaker.providers.lc4j-openai.error-format=openai",
                // Failed calls are the point here: Spring AI logs each failed stream with its stack
                // trace, and Reactor Netty each broken connection.
                "logging.level.org.springframework.ai=off",
                "logging.level.reactor.netty.http.client.HttpClientConnect=error"})
@interface ConformanceContext {
}
