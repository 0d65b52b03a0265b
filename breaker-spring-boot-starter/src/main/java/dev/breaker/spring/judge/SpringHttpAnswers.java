package dev.breaker.spring.judge;

import dev.breaker.core.classify.ResponseHeaders;
import org.springframework.http.HttpHeaders;

/**
 * The answers in Spring's HTTP exceptions, one family per nested class, each created only when its
 * library is present ({@link AnswerReader#available}), so that the starter needs neither WebFlux nor spring-web.
 */
final class SpringHttpAnswers {

    private SpringHttpAnswers() {
    }

    static Answer answer(int status, HttpHeaders headers, byte[] body) {
        ResponseHeaders responseHeaders = headers == null ? ResponseHeaders.NONE : headers::getFirst;
        String contentType = headers == null ? null : headers.getFirst(HttpHeaders.CONTENT_TYPE);
        return new Answer(status, responseHeaders, contentType, body);
    }

    /** {@code WebClientResponseException}: what {@code WebClient.retrieve()} throws for a 4xx or 5xx. */
    static final class WebClientResponse implements AnswerReader {

        @Override
        public Answer read(Throwable error) {
            if (error instanceof org.springframework.web.reactive.function.client.WebClientResponseException e) {
                return answer(e.getStatusCode().value(), e.getHeaders(), e.getResponseBodyAsByteArray());
            }
            return null;
        }
    }

    /** {@code RestClientResponseException}: what {@code RestClient} and {@code RestTemplate} throw. */
    static final class RestClientResponse implements AnswerReader {

        @Override
        public Answer read(Throwable error) {
            if (error instanceof org.springframework.web.client.RestClientResponseException e) {
                return answer(e.getStatusCode().value(), e.getResponseHeaders(), e.getResponseBodyAsByteArray());
            }
            return null;
        }
    }

    /** {@code ErrorResponse}: {@code ResponseStatusException} and {@code ErrorResponseException}. */
    static final class ErrorResponse implements AnswerReader {

        @Override
        public Answer read(Throwable error) {
            if (error instanceof org.springframework.web.ErrorResponse e) {
                return answer(e.getStatusCode().value(), e.getHeaders(), null);
            }
            return null;
        }
    }
}
