package dev.breaker.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * The sample's own settings, under {@code sample.*}.
 *
 * @param simulatorUrl where the gateway and the {@code @ProviderBreaker} demo reach the simulated providers
 * @param summaryUrl the Anthropic base URL of the {@code WebClient} demo; the {@code anthropic-direct}
 *     breaker's {@code base-url} covers it
 * @param gatewayTimeout how long the gateway waits for an upstream's response headers before it answers 504
 */
@ConfigurationProperties(prefix = "sample")
public record SampleProperties(URI simulatorUrl, URI summaryUrl, Duration gatewayTimeout) {
}
