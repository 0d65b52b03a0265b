package dev.breaker.spring.web.client;

import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.netty.http.client.PrematureCloseException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundFailuresTests {

    @Test
    void recognisesTheTimeoutsOfEveryClientHoweverSpringWrapsThem() {
        assertThat(OutboundFailures.isTimeout(new TimeoutException("Did not observe any item within 200ms"))).isTrue();
        assertThat(OutboundFailures.isTimeout(webClient(ReadTimeoutException.INSTANCE))).isTrue();
        assertThat(OutboundFailures.isTimeout(restClient(new HttpTimeoutException("request timed out")))).isTrue();
        assertThat(OutboundFailures.isTimeout(restClient(new SocketTimeoutException("Read timed out")))).isTrue();
        assertThat(OutboundFailures.isTimeout(restClient(new HttpConnectTimeoutException("connect timed out")))).isTrue();
    }

    @Test
    void recognisesOkHttpsCallTimeoutAsTheSdksWrapIt() {
        // OkHttp's call timeout, as the Anthropic SDK wraps it ("Request failed", cause InterruptedIOException).
        assertThat(OutboundFailures.isTimeout(new RuntimeException("Request failed", new InterruptedIOException("timeout"))))
                .isTrue();
        // A thread interrupted while waiting is no timeout.
        assertThat(OutboundFailures.isTimeout(new InterruptedIOException("interrupted"))).isFalse();
    }

    @Test
    void recognisesConnectionFailuresHoweverSpringWrapsThem() {
        assertThat(OutboundFailures.isConnectionFailure(webClient(new ConnectException("Connection refused")))).isTrue();
        assertThat(OutboundFailures.isConnectionFailure(restClient(new UnknownHostException("api.example")))).isTrue();
        assertThat(OutboundFailures.isConnectionFailure(restClient(new SocketException("Connection reset")))).isTrue();
        assertThat(OutboundFailures.isConnectionFailure(webClient(PrematureCloseException.TEST_EXCEPTION))).isTrue();
    }

    @Test
    void otherErrorsAreNeither() {
        IllegalStateException codecError = new IllegalStateException("no decoder", new IOException("bad chunk"));

        assertThat(OutboundFailures.isTimeout(codecError)).isFalse();
        assertThat(OutboundFailures.isConnectionFailure(codecError)).isFalse();
        assertThat(OutboundFailures.isConnectionFailure(webClient(ReadTimeoutException.INSTANCE))).isFalse();
        assertThat(OutboundFailures.isTimeout(webClient(new ConnectException("Connection refused")))).isFalse();
    }

    @Test
    void stopsAtACauseCycle() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(OutboundFailures.isTimeout(first)).isFalse();
        assertThat(OutboundFailures.isConnectionFailure(first)).isFalse();
    }

    private static WebClientRequestException webClient(Throwable cause) {
        return new WebClientRequestException(cause, HttpMethod.POST, URI.create("http://localhost/v1/messages"),
                new HttpHeaders());
    }

    private static ResourceAccessException restClient(IOException cause) {
        return new ResourceAccessException("I/O error on POST request", cause);
    }
}
