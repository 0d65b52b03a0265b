package dev.breaker.spring.it.actuate;

import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The context that the endpoint, health and Prometheus tests share. Each provider serves one test
 * class, so that classes sharing the context never see each other's breakers: every provider trips
 * after three failures, stays open 30s and probes with one call.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ActuatorApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=health,circuitbreakers,prometheus",
        "management.endpoint.health.show-details=always",
        "breaker.defaults.failure-threshold=3",
        "breaker.defaults.open-duration=30s",
        "breaker.defaults.half-open-max-calls=1",
        "breaker.providers.anthropic.scope=endpoint",
        "breaker.providers.openai.scope=endpoint",
        "breaker.providers.idle.scope=endpoint",
        "breaker.providers.mistral.scope=endpoint",
        "breaker.providers.gemini.scope=endpoint",
        "breaker.providers.tenants.scope=tenant",
        "breaker.providers.tenants.key-tag=false",
        "breaker.providers.tenants.max-breakers=2",
        "breaker.providers.models.scope=model",
        "breaker.providers.models.max-breakers=2",
        "breaker.providers.sluggish.scope=endpoint",
        "breaker.providers.sluggish.slow-call-duration=2s",
        "breaker.providers.sluggish.minimum-calls=2"})
@AutoConfigureMetrics
@AutoConfigureWebTestClient(timeout = "30s")
public @interface ActuatorAppTest {
}
