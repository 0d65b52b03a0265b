package dev.breaker.spring.judge;

import io.netty.handler.timeout.ReadTimeoutException;
import dev.breaker.core.classify.Failures;
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

class FailuresTests {

    @Test
    void recognisesTheTimeoutsOfEveryClientHoweverSpringWrapsThem() {
        assertThat(Failures.isTimeout(new TimeoutException("Did not observe any item within 200ms"))).isTrue();
        assertThat(Failures.isTimeout(webClient(ReadTimeoutException.INSTANCE))).isTrue();
        assertThat(Failures.isTimeout(restClient(new HttpTimeoutException("request timed out")))).isTrue();
        assertThat(Failures.isTimeout(restClient(new SocketTimeoutException("Read timed out")))).isTrue();
        assertThat(Failures.isTimeout(restClient(new HttpConnectTimeoutException("connect timed out")))).isTrue();
    }

    @Test
    void recognisesOkHttpsCallTimeoutAsTheSdksWrapIt() {
        // OkHttp's call timeout, as the Anthropic SDK wraps it ("Request failed", cause InterruptedIOException).
        assertThat(Failures.isTimeout(new RuntimeException("Request failed", new InterruptedIOException("timeout"))))
                .isTrue();
        // A thread interrupted while waiting is no timeout.
        assertThat(Failures.isTimeout(new InterruptedIOException("interrupted"))).isFalse();
    }

    @Test
    void recognisesConnectionFailuresHoweverSpringWrapsThem() {
        assertThat(Failures.isConnectionFailure(webClient(new ConnectException("Connection refused")))).isTrue();
        assertThat(Failures.isConnectionFailure(restClient(new UnknownHostException("api.example")))).isTrue();
        assertThat(Failures.isConnectionFailure(restClient(new SocketException("Connection reset")))).isTrue();
        assertThat(Failures.isConnectionFailure(webClient(PrematureCloseException.TEST_EXCEPTION))).isTrue();
    }

    @Test
    void recognisesAResetThatReactorNettysNativeEpollTransportReports() {
        IOException reset = new io.netty.channel.unix.Errors.NativeIoException("recvAddress(..)", -104);

        assertThat(Failures.isConnectionFailure(reset)).isTrue();
        assertThat(Failures.isConnectionFailure(webClient(reset))).isTrue();
        assertThat(Failures.isTimeout(webClient(reset))).isFalse();
    }

    @Test
    void recognisesAClosedChannelAndAnAbortedConnection() {
        assertThat(Failures.isConnectionFailure(new java.nio.channels.ClosedChannelException())).isTrue();
        assertThat(Failures.isConnectionFailure(webClient(new reactor.netty.channel.AbortedException("closed"))))
                .isTrue();
    }

    @Test
    void otherErrorsAreNeither() {
        IllegalStateException codecError = new IllegalStateException("no decoder", new IOException("bad chunk"));

        assertThat(Failures.isTimeout(codecError)).isFalse();
        assertThat(Failures.isConnectionFailure(codecError)).isFalse();
        assertThat(Failures.isConnectionFailure(webClient(ReadTimeoutException.INSTANCE))).isFalse();
        assertThat(Failures.isTimeout(webClient(new ConnectException("Connection refused")))).isFalse();
    }

    @Test
    void stopsAtACauseCycle() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(Failures.isTimeout(first)).isFalse();
        assertThat(Failures.isConnectionFailure(first)).isFalse();
    }

    private static WebClientRequestException webClient(Throwable cause) {
        return new WebClientRequestException(cause, HttpMethod.POST, URI.create("http://localhost/v1/messages"),
                new HttpHeaders());
    }

    private static ResourceAccessException restClient(IOException cause) {
        return new ResourceAccessException("I/O error on POST request", cause);
    }
}
