package dev.breaker.llm.conformance;

import dev.breaker.llm.conformance.DoorConformanceTests.DoorId;
import dev.breaker.llm.conformance.DoorConformanceTests.DoorKind;
import dev.breaker.spring.llm.LangChain4jBreakers;
import dev.breaker.spring.llm.OpenAiBreakers;
import dev.breaker.spring.outbound.OutboundGuard;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.web.reactive.function.client.WebClient;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Every door of the conformance context, opened once per test class and closed after it. */
final class Doors implements AutoCloseable {

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final Map<DoorKind, Map<Dialect, Door>> doors = new EnumMap<>(DoorKind.class);
    private final AnthropicSdkDoor anthropicSdk;
    private final OpenAiSdkDoor openAiSdk;

    Doors(OutboundGuard guard, OpenAiBreakers openAiBreakers, LangChain4jBreakers langChain4jBreakers,
          AnnotatedClient annotatedClient, WebClient.Builder webClientBuilder, List<RestClientCustomizer> customizers,
          int gatewayPort) {
        anthropicSdk = new AnthropicSdkDoor(guard);
        openAiSdk = new OpenAiSdkDoor(openAiBreakers);
        for (DoorKind kind : DoorKind.values()) {
            Map<Dialect, Door> byDialect = new EnumMap<>(Dialect.class);
            for (Dialect dialect : kind.dialects()) {
                byDialect.put(dialect, switch (kind) {
                    case INBOUND -> new InboundDoor(dialect, gatewayPort);
                    case WEB_CLIENT -> new WebClientDoor(dialect, webClientBuilder);
                    case REST_CLIENT -> new RestClientDoor(dialect, customizers, callers);
                    case PROVIDER_BREAKER -> new AnnotationDoor(dialect, annotatedClient);
                    case SPRING_AI -> new SpringAiDoor(dialect, guard);
                    case ANTHROPIC_SDK -> anthropicSdk;
                    case OPENAI_SDK -> openAiSdk;
                    case LANGCHAIN4J -> new LangChain4jDoor(dialect, langChain4jBreakers, callers);
                });
            }
            doors.put(kind, byDialect);
        }
    }

    Door get(DoorId id) {
        return doors.get(id.kind()).get(id.dialect());
    }

    /** Every door in every dialect it speaks: the table's columns. */
    static List<DoorId> columns() {
        List<DoorId> columns = new ArrayList<>();
        for (DoorKind kind : DoorKind.values()) {
            for (Dialect dialect : kind.dialects()) {
                columns.add(new DoorId(kind, dialect));
            }
        }
        return columns;
    }

    ExecutorService callers() {
        return callers;
    }

    @Override
    public void close() {
        anthropicSdk.close();
        openAiSdk.close();
        callers.shutdownNow();
    }
}
