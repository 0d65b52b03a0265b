package dev.breaker.spring.web.client;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

import java.io.IOException;
import java.io.InputStream;

/** The upstream's response with the body that its verdict watches; closing it ends the judging. */
final class JudgedClientHttpResponse implements ClientHttpResponse {

    private final ClientHttpResponse response;
    private final InputStream body;

    JudgedClientHttpResponse(ClientHttpResponse response, InputStream body) {
        this.response = response;
        this.body = body;
    }

    @Override
    public HttpStatusCode getStatusCode() throws IOException {
        return response.getStatusCode();
    }

    @Override
    public String getStatusText() throws IOException {
        return response.getStatusText();
    }

    @Override
    public HttpHeaders getHeaders() {
        return response.getHeaders();
    }

    @Override
    public InputStream getBody() {
        return body;
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException ignored) {
            // The response is closed below, which is all a caller can ask for.
        } finally {
            response.close();
        }
    }
}
