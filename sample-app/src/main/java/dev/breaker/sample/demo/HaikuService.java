package dev.breaker.sample.demo;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.sample.SampleProperties;
import dev.breaker.spring.ProviderBreaker;
import org.springframework.stereotype.Service;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * The third way to use the starter: {@code @ProviderBreaker} on a method. One breaker per model
 * ({@code key = "#model"}) of the {@code openai-direct} provider guards the call; a failing status
 * (429, 503, …) counts against it, and while it is open the method is not called at all. Either
 * way the fallback answers instead, so the caller always gets a haiku.
 */
@Service
public class HaikuService {

    private final WebClient openAi;

    HaikuService(WebClient.Builder builder, SampleProperties properties) {
        // The simulator's URL is covered by no breaker's base-url: only the annotation guards this call.
        this.openAi = builder.baseUrl(properties.simulatorUrl() + "/openai").build();
    }

    @ProviderBreaker(value = "openai-direct", key = "#model", fallbackMethod = "cannedHaiku")
    public Mono<Haiku> write(String model, String topic) {
        return openAi.post()
                .uri("/v1/chat/completions")
                .bodyValue(Map.of("model", model,
                        "messages", List.of(Map.of("role", "user", "content", "Write a haiku about " + topic))))
                .retrieve()
                .bodyToMono(JsonNode.class)
                .map(completion -> new Haiku(completion.at("/choices/0/message/content").asString(""),
                        model, false, null));
    }

    /** Same parameters as {@link #write} plus the failure: the contract of {@code fallbackMethod}. */
    public Mono<Haiku> cannedHaiku(String model, String topic, Throwable failure) {
        return Mono.just(new Haiku("Upstream is resting / the breaker holds the line shut / try again later",
                model, true, reason(failure)));
    }

    private static String reason(Throwable failure) {
        if (failure instanceof BreakerOpenException open) {
            return "breaker open for " + open.provider() + " " + open.key() + "; retry in "
                    + open.retryAfterSeconds() + "s";
        }
        if (failure instanceof WebClientResponseException response) {
            return "openai answered " + response.getStatusCode().value();
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
