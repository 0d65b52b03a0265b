package dev.breaker.benchmarks.http;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The smallest gateway that uses both of the starter's HTTP filters on every request: the inbound
 * {@code WebFilter} guards {@code /anthropic/**} (provider {@code anthropic}), and the forwarded call
 * goes through a {@code WebClient} from the auto-configured builder, whose filter guards it with the
 * {@code anthropic-upstream} breaker ({@code base-url} = the stub). Configuration in
 * {@code mini-gateway.yml}; {@code --stub.url} points it at {@link StubUpstream}. Used by
 * {@link HttpPathBenchmark} where the repository has no {@code sample-app}.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class MiniGateway {

    public static void main(String[] args) {
        new SpringApplicationBuilder(MiniGateway.class).properties("spring.config.name=mini-gateway").run(args);
    }

    @Bean
    RouterFunction<ServerResponse> gateway(WebClient.Builder builder, @Value("${stub.url}") String stubUrl) {
        WebClient upstream = builder.baseUrl(stubUrl).build();
        return RouterFunctions.route(RequestPredicates.POST("/anthropic/**"), request -> upstream.post()
                .uri(request.path().substring("/anthropic".length()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(request.bodyToFlux(DataBuffer.class)))
                .retrieve()
                .onStatus(status -> true, response -> Mono.empty()) // every status is an answer to relay
                .toEntityFlux(DataBuffer.class)
                .flatMap(answer -> ServerResponse.status(answer.getStatusCode())
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(BodyInserters.fromDataBuffers(answer.getBody()))));
    }
}
