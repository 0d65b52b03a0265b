package dev.breaker.spring.web.client;

import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.web.reactive.function.client.WebClient;

/** Adds the breaker filter to every {@code WebClient.Builder} that Spring Boot hands out, once. */
public final class BreakerWebClientCustomizer implements WebClientCustomizer {

    private final BreakerExchangeFilterFunction filter;

    public BreakerWebClientCustomizer(BreakerExchangeFilterFunction filter) {
        this.filter = filter;
    }

    @Override
    public void customize(WebClient.Builder builder) {
        builder.filters(filters -> {
            // A second copy would ask the breaker twice and count every outcome twice.
            if (!filters.contains(filter)) {
                filters.add(filter);
            }
        });
    }
}
