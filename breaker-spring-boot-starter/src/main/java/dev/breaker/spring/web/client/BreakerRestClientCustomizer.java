package dev.breaker.spring.web.client;

import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.web.client.RestClient;

/** Adds the breaker interceptor to every {@code RestClient.Builder} that Spring Boot hands out, once. */
public final class BreakerRestClientCustomizer implements RestClientCustomizer {

    private final BreakerClientHttpRequestInterceptor interceptor;

    public BreakerRestClientCustomizer(BreakerClientHttpRequestInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public void customize(RestClient.Builder builder) {
        builder.requestInterceptors(interceptors -> {
            // A second copy would ask the breaker twice and count every outcome twice.
            if (!interceptors.contains(interceptor)) {
                interceptors.add(interceptor);
            }
        });
    }
}
