package dev.breaker.spring.fallback;

import dev.breaker.core.BreakerConfig;
import dev.breaker.core.BreakerOpenException;
import dev.breaker.core.clock.ManualClock;
import dev.breaker.spring.dialect.ErrorFormat;
import dev.breaker.spring.judge.ResponseJudge;
import dev.breaker.spring.provider.ProviderSettings;
import dev.breaker.spring.provider.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The chain's rules, on chat models that answer as told: refusals and counted failures move on, other
 * errors are thrown, streams move on only before their first content, the last error when all fail.
 * The same rules with Spring AI's real models and real upstreams: breaker-llm-tests.
 */
class FallbackChatModelTests {

    private static final Prompt PROMPT = new Prompt("Hi");

    private final ResponseJudge judge = ResponseJudge.of(new ProviderSettings("p", true, null,
            URI.create("https://p.example"), List.of(Scope.ENDPOINT), null, "X-Tenant-Id", ErrorFormat.PROBLEM, 503,
            Set.of("overloaded_error"), 1024, true, 100, BreakerConfig.defaults()), new ManualClock());
    private final List<FallbackMove> moves = new ArrayList<>();

    private final ScriptedChatModel first = new ScriptedChatModel();
    private final ScriptedChatModel second = new ScriptedChatModel();
    private final ScriptedChatModel third = new ScriptedChatModel();
    private final FallbackChatModel chain = new FallbackChatModel(List.of(
            new FallbackEntry("first/model-a", first, "model-a", "p", judge),
            new FallbackEntry("second/model-b", second, "model-b", "p", judge),
            new FallbackEntry("third/model-c", third, "model-c", "p", judge)), moves::add);

    @Test
    void theFirstEntryServesWhileItCanAndTheResponseNamesIt() {
        ChatResponse response = chain.call(PROMPT);

        assertThat(response.getMetadata().getModel()).isEqualTo("first/model-a");
        assertThat((String) response.getMetadata().get(FallbackChatModel.UPSTREAM_MODEL)).isEqualTo("upstream-model");
        assertThat(response.getMetadata().getId()).isEqualTo("id-1");
        assertThat(second.prompts).isEmpty();
        assertThat(moves).isEmpty();
    }

    @Test
    void aRefusalMovesOnAndSaysWhichBreakerRefused() {
        first.failing(new BreakerOpenException("p", "/v1", Duration.ofSeconds(9)));

        ChatResponse response = chain.call(PROMPT);

        assertThat(response.getMetadata().getModel()).isEqualTo("second/model-b");
        assertThat(moves).containsExactly(new FallbackMove("first/model-a", "second/model-b",
                FallbackMove.Reason.REFUSED, "refused: breaker open for provider 'p', key '/v1', retry in 9s"));
    }

    @Test
    void aFailureItsBreakerCountsMovesOnAtOnce() {
        first.failing(HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable", null, null, null));
        second.failing(new ResourceAccessException("read", new SocketTimeoutException()));

        ChatResponse response = chain.call(PROMPT);

        assertThat(response.getMetadata().getModel()).isEqualTo("third/model-c");
        assertThat(moves).extracting(FallbackMove::reason, FallbackMove::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple(FallbackMove.Reason.FAILED, "failed with status 503"),
                org.assertj.core.groups.Tuple.tuple(FallbackMove.Reason.FAILED, "failed with ResourceAccessException"));
        assertThat(first.prompts).hasSize(1);
        assertThat(second.prompts).hasSize(1);
    }

    @Test
    void anErrorItsBreakerDoesNotCountIsThrownAsItIsAndTheNextEntryIsNeverCalled() {
        HttpClientErrorException badRequest = HttpClientErrorException.create(HttpStatus.BAD_REQUEST, "Bad Request",
                null, null, null);
        first.failing(badRequest);

        assertThat(catchThrowable(() -> chain.call(PROMPT))).isSameAs(badRequest);
        assertThat(second.prompts).isEmpty();
        assertThat(moves).isEmpty();
    }

    @Test
    void whenEveryEntryRefusesOrFailsTheLastErrorIsThrown() {
        first.failing(new BreakerOpenException("p", "a", Duration.ofSeconds(1)));
        second.failing(HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable", null, null, null));
        BreakerOpenException last = new BreakerOpenException("p", "c", Duration.ofSeconds(3));
        third.failing(last);

        assertThat(catchThrowable(() -> chain.call(PROMPT))).isSameAs(last);
        assertThat(moves).hasSize(2);
    }

    @Test
    void eachEntryGetsItsOwnDefaultsThePromptsPortableOptionsAndToolsAndItsModelName() {
        ScriptedChatModel withDefaults = new ScriptedChatModel(ToolCallingChatOptions.builder().model("default-model")
                .maxTokens(64).temperature(0.1).build());
        FallbackChatModel single = new FallbackChatModel(List.of(
                new FallbackEntry("x/model-x", withDefaults, "model-x", "p", judge)), FallbackListener.NONE);
        ToolCallback weather = tool("weather");

        single.call(new Prompt("Hi", ToolCallingChatOptions.builder().model("asked-model").temperature(0.7)
                .toolCallbacks(weather).build()));

        ChatOptions sent = withDefaults.prompts.get(0).getOptions();
        assertThat(sent.getModel()).isEqualTo("model-x");
        assertThat(sent.getTemperature()).isEqualTo(0.7);
        assertThat(sent.getMaxTokens()).isEqualTo(64);
        assertThat(((ToolCallingChatOptions) sent).getToolCallbacks()).containsExactly(weather);
        assertThat(withDefaults.prompts.get(0).getInstructions()).isEqualTo(PROMPT.getInstructions());
    }

    @Test
    void itsOwnOptionsAreEmptyToolCallingOptionsSoThatChatClientKeepsTools() {
        assertThat(chain.getOptions()).isInstanceOf(ToolCallingChatOptions.class);
        assertThat(chain.getOptions().getModel()).isNull();
    }

    @Test
    void aStreamThatFailsBeforeItsFirstContentMovesOnAndTheCallerSeesNothingOfIt() {
        first.streaming(prompt -> Flux.concat(Flux.just(ScriptedChatModel.answer("", "a")),
                Flux.error(HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable", null, null,
                        null))));

        StepVerifier.create(chain.stream(PROMPT).map(response -> response.getResult().getOutput().getText()
                        + "@" + response.getMetadata().getModel()))
                .expectNext("Hel@second/model-b", "lo!@second/model-b")
                .verifyComplete();
        assertThat(moves).hasSize(1);
    }

    @Test
    void aStreamThatFailsAfterItsFirstContentPassesTheErrorOn() {
        HttpServerErrorException broken = HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable",
                null, null, null);
        first.streaming(prompt -> Flux.concat(Flux.just(ScriptedChatModel.answer("Hel", "a")), Flux.error(broken)));

        StepVerifier.create(chain.stream(PROMPT).map(response -> response.getResult().getOutput().getText()))
                .expectNext("Hel")
                .expectErrorSatisfies(error -> assertThat(error).isSameAs(broken))
                .verify();
        assertThat(second.prompts).isEmpty();
        assertThat(moves).isEmpty();
    }

    @Test
    void aStreamRefusedAtOnceMovesOnAndAnErrorItsBreakerDoesNotCountIsPassedOn() {
        first.failing(new BreakerOpenException("p", "a", Duration.ofSeconds(1)));
        HttpClientErrorException unauthorized = HttpClientErrorException.create(HttpStatus.UNAUTHORIZED, "Unauthorized",
                null, null, null);
        second.failing(unauthorized);

        StepVerifier.create(chain.stream(PROMPT)).expectErrorSatisfies(error -> assertThat(error).isSameAs(unauthorized))
                .verify();
        assertThat(third.prompts).isEmpty();
    }

    @Test
    void aStreamWithoutAnyContentStillReachesTheCaller() {
        first.streaming(prompt -> Flux.just(ScriptedChatModel.answer("", "a")));

        StepVerifier.create(chain.stream(PROMPT)).expectNextCount(1).verifyComplete();
    }

    private static ToolCallback tool(String name) {
        return new ToolCallback() {
            @Override
            public ToolDefinition getToolDefinition() {
                return ToolDefinition.builder().name(name).description(name).inputSchema("{}").build();
            }

            @Override
            public String call(String toolInput) {
                return "sunny";
            }
        };
    }
}
