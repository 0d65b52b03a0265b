package dev.breaker.spring.web.server;

import dev.breaker.spring.provider.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Which breaker a request asks: its key, and the body the handler still receives whole. */
@ExtendWith(OutputCaptureExtension.class)
class BreakerWebFilterKeyTests {

    private final InboundFixture gateway = new InboundFixture(
            TestProvider.named("endpoints").pathPrefix("/gw").build(),
            TestProvider.named("models").pathPrefix("/models").scopes(Scope.MODEL).build(),
            TestProvider.named("headers").pathPrefix("/headers").scopes(Scope.MODEL).modelHeader("X-Model").build(),
            TestProvider.named("all").pathPrefix("/all").scopes(Scope.ENDPOINT, Scope.MODEL, Scope.TENANT).build(),
            TestProvider.named("paused").pathPrefix("/gw/paused").disabled().build(),
            TestProvider.named("small").pathPrefix("/small").scopes(Scope.MODEL).modelSearchLimit(64 * 1024).build());

    @Test
    void keysByThePathBelowThePrefixWithoutQuery() {
        gateway.client.get().uri("/gw/v1/messages?beta=true").exchange().expectStatus().isOk();
        assertThat(keys("endpoints")).containsExactly("/v1/messages");
    }

    @Test
    void keysByTheTopLevelModelOfTheJsonBodyAndPassesTheIdenticalBody() {
        String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\",\"model\":\"nested\"}],\"model\":\"gpt-4o\"}";
        echo("/models/v1/chat/completions", MediaType.APPLICATION_JSON, body.getBytes(StandardCharsets.UTF_8));
        assertThat(keys("models")).containsExactly("gpt-4o");
    }

    @Test
    void keysByTheModelHeaderWhenOneIsConfiguredWithoutReadingTheBody() {
        gateway.client.post().uri("/headers/v1/messages").header("X-Model", "claude-opus-4-1")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"model\":\"from-body\"}")
                .exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("{\"model\":\"from-body\"}");
        gateway.client.post().uri("/headers/v1/messages").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"from-body\"}").exchange().expectStatus().isOk();
        assertThat(keys("headers")).containsExactlyInAnyOrder("claude-opus-4-1", "-");
    }

    @Test
    void joinsEndpointModelAndTenantWithADashForEachMissingValue() {
        gateway.client.post().uri("/all/v1/chat").header("X-Tenant-Id", "acme").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"o3\"}").exchange().expectStatus().isOk();
        gateway.client.post().uri("/all/v1/chat").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"stream\":true}").exchange().expectStatus().isOk();
        assertThat(keys("all")).containsExactlyInAnyOrder("/v1/chat|o3|acme", "/v1/chat|-|-");
    }

    @Test
    void findsTheModelAtTheStartOfAMultiMegabyteBodyAndPassesItWhole() {
        byte[] body = largeJson("{\"model\":\"claude-sonnet-4-5\",\"messages\":[", "]}", 3 * 1024 * 1024);
        echo("/models/v1/messages", MediaType.APPLICATION_JSON, body);
        assertThat(keys("models")).containsExactly("claude-sonnet-4-5");
    }

    @Test
    void findsTheModelAfterMultiMegabyteMessagesAsTheOfficialSdksWriteThem() {
        byte[] body = largeJson("{\"messages\":[", "],\"model\":\"after-the-messages\"}", 2 * 1024 * 1024);
        echo("/models/v1/messages", MediaType.APPLICATION_JSON, body);
        assertThat(keys("models")).containsExactly("after-the-messages");
    }

    @Test
    void givesUpAtTheModelSearchLimitSaysSoOnceAndStillPassesTheBodyWhole(CapturedOutput output) {
        byte[] body = largeJson("{\"messages\":[", "],\"model\":\"too-late\"}", 256 * 1024);
        echo("/small/v1/messages", MediaType.APPLICATION_JSON, body);
        echo("/small/v1/messages", MediaType.APPLICATION_JSON, body);

        assertThat(keys("small")).containsExactly("-");
        assertThat(output.getOut().split("model-search-limit", -1)).as("logged once").hasSize(2);
        assertThat(output.getOut()).contains("A request to provider 'small' had no top-level \"model\" within its first 65536 bytes");
    }

    @Test
    void doesNotSearchABodyThatIsNoJson() {
        echo("/models/v1/upload", MediaType.TEXT_PLAIN, "{\"model\":\"looks-like-json\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(keys("models")).containsExactly("-");
    }

    @Test
    void usesADashForMalformedJsonAnEmptyBodyOrNoModel() {
        echo("/models/a", MediaType.APPLICATION_JSON, "model: gpt-4o".getBytes(StandardCharsets.UTF_8));
        echo("/models/b", MediaType.APPLICATION_JSON, new byte[0]);
        echo("/models/c", MediaType.APPLICATION_JSON, "{\"max_tokens\":5}".getBytes(StandardCharsets.UTF_8));
        assertThat(keys("models")).containsExactly("-");
        assertThat(gateway.handled).hasValue(3);
    }

    @Test
    void leavesRequestsUnderNoPrefixAndOfDisabledProvidersUntouched() {
        gateway.client.get().uri("/health").exchange().expectStatus().isOk();
        gateway.client.get().uri("/gwx/v1/messages").exchange().expectStatus().isOk();
        gateway.client.get().uri("/gw/paused/v1/messages").exchange().expectStatus().isOk();
        assertThat(gateway.registry.providers()).allSatisfy(provider -> assertThat(provider.size()).isZero());
        assertThat(gateway.handled).hasValue(3);
    }

    private void echo(String path, MediaType contentType, byte[] body) {
        byte[] received = gateway.client.post().uri(path).contentType(contentType).bodyValue(body)
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(received == null ? new byte[0] : received).as("body the handler received").isEqualTo(body);
    }

    private java.util.List<String> keys(String provider) {
        return gateway.registry.provider(provider).breakers().stream().map(breaker -> breaker.id().key()).toList();
    }

    private static byte[] largeJson(String head, String tail, int size) {
        StringBuilder json = new StringBuilder(size + 100).append(head);
        char[] filler = new char[1000];
        Arrays.fill(filler, 'x');
        String message = "{\"role\":\"user\",\"content\":\"" + new String(filler) + "\"}";
        while (json.length() < size) {
            json.append(message).append(',');
        }
        json.append(message).append(tail);
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
