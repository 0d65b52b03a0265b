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
 * included), the outcome is reported before the response is committed, so that the very next request
 * already sees a trip. Where the body decides, it is judged as it passes: a 429 whose first bytes
 * name an exhausted quota (read before the response is committed, whether the application writes it
 * with {@code writeWith} or relays it with {@code writeAndFlushWith}), and a 2xx
 * {@code text/event-stream} that carries a provider error event (reported when the stream ends). The
 * body reaches the client unchanged, and a stream still streams buffer by buffer.
 *
 * <p>Commit callbacks run on the underlying response, so a response that an error handler writes
 * past this decorator is judged by its final status too.
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
        delegate.beforeCommit(() -> {
            ResponseVerdict current = verdict;
            if (current == null) {
                // Committed without a body (setComplete, an error handler): the status line is all there is.
                report.report(verdictNow().completed());
            } else if (current.decided() != null) {
                report.report(current.decided());
            }
            return Mono.empty();
        });
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        ResponseVerdict current = verdictNow();
        if (current.decided() != null) {
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
            return super.writeAndFlushWith(body);
        }
        if (current.decidingBytes() > 0) {
            // The bytes that decide come before the commit; a small error body loses nothing by one flush.
            return writeWith(Flux.from(body).concatMap(Function.identity()));
        }
        return super.writeAndFlushWith(watch(current).watchChunks(body));
    }

    /**
     * When the handler is done: reports by status if the response went out and nothing reported yet.
     * A body that decides reports when it ends, which may be later: a server may still be sending it,
     * so it is only judged here if the handler failed before the body was ever read.
     */
    void handlerDone(boolean failed) {
        if (!isCommitted() || report.isReported()) {
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
