package dev.breaker.spring.web.server;

import dev.breaker.core.CallResult;
import dev.breaker.spring.judge.CallReport;
import dev.breaker.spring.judge.ResponseJudge;
import dev.breaker.spring.judge.ResponseVerdict;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.function.Function;

/**
 * The response of an admitted request, judged by {@link ResponseJudge} as every door judges
 * answers. Where the status and headers decide ({@code Retry-After} and the rate-limit reset headers
 * included), the outcome is reported when the handler writes or completes the response, before it is
 * committed, so that the very next request already sees a trip. Where the body decides, it is judged
 * as it passes: a 429 whose first bytes name an exhausted quota (read before the response is
 * committed, whether the application writes it with {@code writeWith} or relays it with
 * {@code writeAndFlushWith}), and a 2xx {@code text/event-stream} that carries a provider error event
 * (reported when the stream ends). The body reaches the client unchanged, and a stream still streams
 * buffer by buffer.
 *
 * <p>A response the handler leaves uncommitted (an error that an error handler answers past this
 * decorator, or a body the server completes) is judged by its final status when the underlying
 * response commits. That commit action is registered only then: any commit action makes Spring
 * commit every response through a concatenation of publishers with its own queue, which costs a
 * gateway measurable CPU on every request (BENCHMARKS.md, "HTTP path").
 */
final class JudgedResponse extends ServerHttpResponseDecorator {

    private final CallReport report;
    private final ResponseJudge judge;
    /** Set when the body starts, or at commit; read by whichever thread ends the request. */
    private volatile ResponseVerdict verdict;
    private volatile BodyWatch watch;

    JudgedResponse(ServerHttpResponse delegate, CallReport report, ResponseJudge judge) {
        super(delegate);
        this.report = report;
        this.judge = judge;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        ResponseVerdict current = verdictNow();
        if (current.decided() != null) {
            report.report(current.decided());
            return super.writeWith(body);
        }
        if (current.decidingBytes() > 0) {
            return BodyPeek.peek(body, new VerdictInspector(current), current.decidingBytes()).flatMap(peeked -> {
                report.report(peeked.answer());
                return getDelegate().writeWith(peeked.body());
            });
        }
        return super.writeWith(watch(current).watch(body));
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
        ResponseVerdict current = verdictNow();
        if (current.decided() != null) {
            report.report(current.decided());
            return super.writeAndFlushWith(body);
        }
        if (current.decidingBytes() > 0) {
            // The bytes that decide come before the commit; a small error body loses nothing by one flush.
            return writeWith(Flux.from(body).concatMap(Function.identity()));
        }
        return super.writeAndFlushWith(watch(current).watchChunks(body));
    }

    @Override
    public Mono<Void> setComplete() {
        if (verdict == null) {
            report.report(verdictNow().completed()); // no body: the status line is all there is
        }
        return super.setComplete();
    }

    /**
     * When the handler has ended, before its end reaches the server or an error handler: reports by
     * status if the response went out and nothing reported yet. A response not yet committed is
     * judged when it commits, whoever commits it. A body that decides reports when it ends, which may
     * be later: a server may still be sending it, so it is only judged here if the handler failed
     * before the body was ever read.
     */
    void handlerEnded(boolean failed) {
        if (report.isReported()) {
            return;
        }
        if (!isCommitted()) {
            // Nothing else commits this response while the handler's end has not been passed on.
            getDelegate().beforeCommit(() -> {
                reportAtCommit();
                return Mono.empty();
            });
            return;
        }
        ResponseVerdict current = verdict;
        BodyWatch currentWatch = watch;
        if (current == null || current.decided() != null) {
            report.report(verdictNow().completed());
        } else if (failed && (currentWatch == null || !currentWatch.isWatching())) {
            report.report(byStatus());
        }
    }

    private void reportAtCommit() {
        ResponseVerdict current = verdict;
        if (current == null) {
            // Committed without a body through this decorator (an error handler, the server): its status decides.
            report.report(verdictNow().completed());
        } else if (current.decided() != null) {
            report.report(current.decided());
        }
    }

    /** The verdict on the status and headers as they are now; fixed once the body starts or the response commits. */
    private ResponseVerdict verdictNow() {
        ResponseVerdict current = verdict;
        if (current == null) {
            HttpStatusCode status = getStatusCode();
            HttpHeaders headers = getHeaders();
            current = judge.judge(status == null ? 200 : status.value(), headers::getFirst,
                    headers.getFirst(HttpHeaders.CONTENT_TYPE), report::firstContent);
            verdict = current;
        }
        return current;
    }

    /** What the status alone says, for a body that never arrived. */
    private CallResult byStatus() {
        HttpStatusCode status = getStatusCode();
        return judge.ofAnswer(status == null ? 200 : status.value(), getHeaders()::getFirst, null, null);
    }

    private BodyWatch watch(ResponseVerdict current) {
        BodyWatch created = new BodyWatch(current, report);
        watch = created;
        return created;
    }
}
