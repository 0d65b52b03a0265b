package dev.breaker.spring.aop;

import dev.breaker.core.CallResult;
import dev.breaker.core.classify.ResponseHeaders;
import dev.breaker.spring.judge.ResponseJudge;
import org.springframework.http.HttpHeaders;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the upstream's answer (status, headers, and the body where the exception keeps one) out of
 * one family of Spring's HTTP exceptions, for {@link ResponseJudge} to judge. Each family lives in its own nested class, created only when its library is on the
 * class path, so that the starter needs neither WebFlux nor spring-web.
 */
interface HttpStatusReader {

    /** The classified result when {@code error} belongs to this family, else null. */
    CallResult read(Throwable error, ResponseJudge judge);

    /** The readers whose exception classes are present, most specific first. */
    static List<HttpStatusReader> available(ClassLoader classLoader) {
        List<HttpStatusReader> readers = new ArrayList<>();
        if (ClassUtils.isPresent("org.springframework.web.reactive.function.client.WebClientResponseException", classLoader)) {
            readers.add(new WebClientResponse());
        }
        if (ClassUtils.isPresent("org.springframework.web.client.RestClientResponseException", classLoader)) {
            readers.add(new RestClientResponse());
        }
        if (ClassUtils.isPresent("org.springframework.web.ErrorResponse", classLoader)) {
            readers.add(new ErrorResponse());
        }
        return List.copyOf(readers);
    }

    /** An answer of the upstream, judged as every door judges it. */
    static CallResult classify(int status, HttpHeaders headers, byte[] body, ResponseJudge judge) {
        ResponseHeaders responseHeaders = headers == null ? ResponseHeaders.NONE : headers::getFirst;
        String contentType = headers == null ? null : headers.getFirst(HttpHeaders.CONTENT_TYPE);
        return judge.ofAnswer(status, responseHeaders, contentType, body);
    }

    /** {@code WebClientResponseException}: what {@code WebClient.retrieve()} throws for a 4xx or 5xx. */
    final class WebClientResponse implements HttpStatusReader {

        @Override
        public CallResult read(Throwable error, ResponseJudge judge) {
            if (error instanceof org.springframework.web.reactive.function.client.WebClientResponseException e) {
                return classify(e.getStatusCode().value(), e.getHeaders(), e.getResponseBodyAsByteArray(), judge);
            }
            return null;
        }
    }

    /** {@code RestClientResponseException}: what {@code RestClient} and {@code RestTemplate} throw. */
    final class RestClientResponse implements HttpStatusReader {

        @Override
        public CallResult read(Throwable error, ResponseJudge judge) {
            if (error instanceof org.springframework.web.client.RestClientResponseException e) {
                return classify(e.getStatusCode().value(), e.getResponseHeaders(), e.getResponseBodyAsByteArray(),
                        judge);
            }
            return null;
        }
    }

    /** {@code ErrorResponse}: {@code ResponseStatusException} and {@code ErrorResponseException}. */
    final class ErrorResponse implements HttpStatusReader {

        @Override
        public CallResult read(Throwable error, ResponseJudge judge) {
            if (error instanceof org.springframework.web.ErrorResponse e) {
                return classify(e.getStatusCode().value(), e.getHeaders(), null, judge);
            }
            return null;
        }
    }
}
