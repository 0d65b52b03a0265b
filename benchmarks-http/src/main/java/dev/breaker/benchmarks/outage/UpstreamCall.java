package dev.breaker.benchmarks.outage;

import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * One upstream call of the failover run, as an application makes it with Spring's {@code RestClient}
 * (the JDK HTTP client underneath): a 4xx or 5xx throws {@code RestClientResponseException}, a time-out
 * {@code ResourceAccessException}. Every failover contender calls through this, so they differ only
 * in how they decide what to do about a failure.
 */
final class UpstreamCall {

    static final String BODY = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":16,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}";

    private final RestClient client;
    private final URI uri;

    /** @param interceptors the starter's {@code RestClient} interceptor for our contenders, none for resilience4j's */
    UpstreamCall(URI uri, Duration timeout, Executor httpThreads, List<ClientHttpRequestInterceptor> interceptors) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .executor(httpThreads).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(timeout);
        this.client = RestClient.builder().requestFactory(requests).requestInterceptors(list -> list.addAll(interceptors))
                .build();
        this.uri = uri;
    }

    /** Sends one request and waits for a 2xx; anything else throws. */
    void send() {
        client.post().uri(uri).header("Content-Type", "application/json")
                .header(FlakyUpstream.ADMITTED_HEADER, "closed")
                .body(BODY).retrieve().toBodilessEntity();
    }
}
