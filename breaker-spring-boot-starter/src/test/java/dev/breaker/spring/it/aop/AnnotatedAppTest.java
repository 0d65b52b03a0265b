package dev.breaker.spring.it.aop;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one context that every @ProviderBreaker test class shares: "llm" trips after two failures and
 * probes with one call, "lenient" does not count timeouts, "off" is switched off.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = AnnotatedApp.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "breaker.providers.llm.failure-threshold=2",
        "breaker.providers.llm.open-duration=10s",
        "breaker.providers.llm.max-open-duration=5m",
        "breaker.providers.llm.half-open-max-calls=1",
        "breaker.providers.lenient.count-timeouts=false",
        "breaker.providers.lenient.failure-threshold=1",
        "breaker.providers.off.enabled=false",
        "breaker.providers.off.failure-threshold=1"})
public @interface AnnotatedAppTest {
}
