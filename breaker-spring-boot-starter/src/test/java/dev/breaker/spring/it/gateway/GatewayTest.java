package dev.breaker.spring.it.gateway;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The gateway on a random port in front of the WireMock upstreams. Every test class with this
 * annotation shares one Spring context, so tests keep their breakers apart by endpoint.
 * <ul>
 *   <li>{@code anthropic}: Anthropic error format, endpoint scope;</li>
 *   <li>{@code openai}: OpenAI error format, endpoint scope;</li>
 *   <li>{@code openai-models}: a breaker per model, from the JSON body;</li>
 *   <li>{@code anthropic-models}: a breaker per model, from the {@code X-Model} header;</li>
 *   <li>{@code tenants}: a breaker per tenant, rejected with 429;</li>
 *   <li>{@code paused}: disabled; {@code /plain}: no provider at all.</li>
 * </ul>
 * All trip after 3 failures, stay open 30 s and admit one probe.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Upstreams.class)
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "breaker.defaults.failure-threshold=3",
        "breaker.defaults.open-duration=30s",
        "breaker.defaults.half-open-max-calls=1",
        "breaker.providers.anthropic.path-prefix=/anthropic",
        "breaker.providers.anthropic.error-format=anthropic",
        "breaker.providers.openai.path-prefix=/openai",
        "breaker.providers.openai.error-format=openai",
        "breaker.providers.openai-models.path-prefix=/openai-models",
        "breaker.providers.openai-models.scope=model",
        "breaker.providers.openai-models.error-format=openai",
        "breaker.providers.anthropic-models.path-prefix=/anthropic-models",
        "breaker.providers.anthropic-models.scope=endpoint,model",
        "breaker.providers.anthropic-models.model-header=X-Model",
        "breaker.providers.tenants.path-prefix=/tenants",
        "breaker.providers.tenants.scope=tenant",
        "breaker.providers.tenants.rejection-status=429",
        "breaker.providers.paused.path-prefix=/paused",
        "breaker.providers.paused.enabled=false",
        "spring.codec.max-in-memory-size=16MB"})
@AutoConfigureWebTestClient(timeout = "30s")
public @interface GatewayTest {
}
