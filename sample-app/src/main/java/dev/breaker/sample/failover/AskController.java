package dev.breaker.sample.failover;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.spring.llm.BreakerRejections;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fourth way to use the starter: failover between models. A Spring AI {@code ChatClient} from the
 * auto-configured builder, with no code of ours: its chat model is the starter's
 * {@code breakerFallbackChatModel}, which serves each prompt from simulated Anthropic while it can and
 * from simulated OpenAI when Anthropic fails or its breaker is open ({@code breaker.fallback.chat-models}).
 *
 * <pre>curl -X POST localhost:8080/demo/ask -H 'content-type: text/plain' -d 'What is a circuit breaker?'</pre>
 */
@RestController
class AskController {

    private static final String SAMPLE_QUESTION = "What does a circuit breaker do?";

    private final ChatClient chatClient;
    private final Answers answers;

    AskController(ChatClient.Builder chatClients, Answers answers) {
        this.chatClient = chatClients.build();
        this.answers = answers;
    }

    @PostMapping("/demo/ask")
    Mono<ResponseEntity<Map<String, Object>>> ask(@RequestBody(required = false) String question) {
        String prompt = question == null || question.isBlank() ? SAMPLE_QUESTION : question;
        // Spring AI's call() blocks: off the event loop.
        return Mono.fromCallable(() -> chatClient.prompt(prompt).call().chatResponse())
                .subscribeOn(Schedulers.boundedElastic())
                .map(this::answered)
                .onErrorResume(RuntimeException.class, error -> Mono.just(noAnswer(error)));
    }

    private ResponseEntity<Map<String, Object>> answered(ChatResponse response) {
        String servedBy = response.getMetadata().getModel();
        answers.servedBy(servedBy);
        return ResponseEntity.ok(body("answer", response.getResult().getOutput().getText(), "servedBy", servedBy));
    }

    /** Every entry refused or failed: the last error, which says when to come back if a breaker refused. */
    private static ResponseEntity<Map<String, Object>> noAnswer(RuntimeException error) {
        BreakerOpenException open = BreakerRejections.find(error).orElse(null);
        if (open != null) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(open.retryAfterSeconds()))
                    .body(body("error", "breaker_open", "message", "every model's breaker is open",
                            "provider", open.provider(), "retryAfterSeconds", open.retryAfterSeconds()));
        }
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
                .body(body("error", "upstream_error", "message", String.valueOf(error.getMessage())));
    }

    private static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }
}
