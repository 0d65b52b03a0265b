package dev.breaker.llm.conformance;

import dev.breaker.core.Breaker;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.spring.llm.BreakerOkHttpInterceptor;
import dev.breaker.spring.outbound.OutboundGuard;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * OkHttp's call timeout starts with the call, before any interceptor runs, and OkHttp enforces it by
 * cancelling the call. The breaker's interceptor may spend part of that time itself (it reads a JSON
 * request body to find the model), so a call that OkHttp cancels once its timeout ran out is a
 * timeout however little of it the interceptor saw pass.
 */
@ConformanceContext
class OkHttpCallTimeoutTests {

    private static final Duration CALL_TIMEOUT = Duration.ofMillis(200);

    @Autowired
    OutboundGuard guard;

    @Autowired
    BreakerRegistry registry;

    @Test
    void aCallTimeoutThatRunsOutWhileTheModelIsReadFromTheBodyIsATimeout() {
        Upstream.ANTHROPIC.answer(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(Dialect.ANTHROPIC.answer));
        String model = "claude-slow-body";
        OkHttpClient client = new OkHttpClient.Builder()
                .callTimeout(CALL_TIMEOUT)
                .addInterceptor(new BreakerOkHttpInterceptor(guard, "springai-anthropic"))
                .build();
        AtomicReference<Call> call = new AtomicReference<>();
        // The first write is the interceptor's, looking for the model: it lasts until the call timeout runs out.
        RequestBody slowFirstRead = new RequestBody() {
            private final AtomicInteger writes = new AtomicInteger();

            @Override
            public MediaType contentType() {
                return MediaType.get("application/json");
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                if (writes.getAndIncrement() == 0) {
                    await().atMost(Duration.ofSeconds(10)).until(() -> call.get().isCanceled());
                }
                sink.writeUtf8(Dialect.ANTHROPIC.requestJson(model, false));
            }
        };
        call.set(client.newCall(new Request.Builder()
                .url(Upstream.ANTHROPIC.baseUrl() + Dialect.ANTHROPIC.endpoint).post(slowFirstRead).build()));
        int before = Upstream.ANTHROPIC.received();

        Throwable timedOut = catchThrowable(() -> call.get().execute());

        assertThat(timedOut).isInstanceOf(IOException.class).hasMessage("timeout");
        assertThat(Upstream.ANTHROPIC.received()).isEqualTo(before);
        Breaker breaker = registry.provider("springai-anthropic").find(Dialect.ANTHROPIC.key(model));
        assertThat(breaker).as("the breaker of a call that timed out").isNotNull();
        assertThat(breaker.snapshot().failures()).isEqualTo(1);
    }
}
