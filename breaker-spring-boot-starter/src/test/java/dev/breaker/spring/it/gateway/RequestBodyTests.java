package dev.breaker.spring.it.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.breaker.core.registry.BreakerRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Reading the model from a JSON body leaves the body that reaches the upstream byte for byte the same. */
@GatewayTest
class RequestBodyTests {

    @Autowired
    private WebTestClient client;

    @Autowired
    private BreakerRegistry registry;

    private final WireMockServer upstream = Upstreams.openai();

    @Test
    void forwardsAMultiMegabyteBodyWholeAfterReadingItsModel() {
        byte[] body = largeJson("{\"model\":\"gpt-4.1\",\"messages\":[", "]}", 4 * 1024 * 1024);
        assertThat(forward("/v1/body/large", MediaType.APPLICATION_JSON, body)).isEqualTo(body);
        assertThat(keys()).contains("gpt-4.1");
    }

    @Test
    void findsTheModelAfterMultiMegabyteMessagesAsTheOfficialSdksWriteThemAndForwardsTheBodyWhole() {
        byte[] body = largeJson("{\"messages\":[", "],\"model\":\"buried\"}", 3 * 1024 * 1024);
        assertThat(forward("/v1/body/late", MediaType.APPLICATION_JSON, body)).isEqualTo(body);
        assertThat(keys()).contains("buried");
    }

    @Test
    void forwardsBodiesThatAreNoJsonObjectUnchanged() {
        byte[] text = "{\"model\":\"text-model\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(forward("/v1/body/text", MediaType.TEXT_PLAIN, text)).isEqualTo(text);
        byte[] malformed = "{\"input\": hi, \"model\":\"malformed-model\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(forward("/v1/body/malformed", MediaType.APPLICATION_JSON, malformed)).isEqualTo(malformed);
        byte[] noModel = "{\"input\":\"hi\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(forward("/v1/body/no-model", MediaType.APPLICATION_JSON, noModel)).isEqualTo(noModel);
        assertThat(keys()).doesNotContain("text-model", "malformed-model").contains("-");
    }

    @Test
    void forwardsAnEmptyBody() {
        Stubs.answer(upstream, "/v1/body/empty", 200, Stubs.OK);
        client.post().uri("/openai-models/v1/body/empty").contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectBody();
        List<LoggedRequest> received = upstream.findAll(postRequestedFor(urlPathEqualTo("/v1/body/empty")));
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getBody()).isEmpty();
    }

    private byte[] forward(String endpoint, MediaType contentType, byte[] body) {
        Stubs.answer(upstream, endpoint, 200, Stubs.OK);
        client.post().uri("/openai-models" + endpoint).contentType(contentType).bodyValue(body).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo(Stubs.OK);
        List<LoggedRequest> received = upstream.findAll(postRequestedFor(urlPathEqualTo(endpoint)));
        assertThat(received).hasSize(1);
        return received.get(0).getBody();
    }

    private List<String> keys() {
        return registry.provider("openai-models").breakers().stream().map(breaker -> breaker.id().key()).toList();
    }

    private static byte[] largeJson(String head, String tail, int size) {
        char[] filler = new char[2000];
        Arrays.fill(filler, 'y');
        String message = "{\"role\":\"user\",\"content\":\"" + new String(filler) + "\"}";
        StringBuilder json = new StringBuilder(size + 4000).append(head).append(message);
        while (json.length() < size) {
            json.append(',').append(message);
        }
        return json.append(tail).toString().getBytes(StandardCharsets.UTF_8);
    }
}
