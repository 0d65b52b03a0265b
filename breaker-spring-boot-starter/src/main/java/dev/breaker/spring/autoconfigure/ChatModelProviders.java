package dev.breaker.spring.autoconfigure;

import dev.breaker.spring.provider.BreakerProviders;
import dev.breaker.spring.provider.ProviderSettings;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.core.env.Environment;
import org.springframework.util.ReflectionUtils;

import java.lang.reflect.Method;
import java.net.URI;

/**
 * Which configured provider guards a chat model's calls: the one whose {@code base-url} covers the URL
 * the chat model calls, which is the provider the starter's HTTP guards pick for those calls too. That
 * URL is the base URL in the chat model's own options (Spring AI 2's Anthropic and OpenAI models carry
 * it), else its family's base URL property ({@code spring.ai.ollama.base-url}) or that property's default.
 */
final class ChatModelProviders {

    private final BreakerProviders providers;
    private final Environment environment;

    ChatModelProviders(BreakerProviders providers, Environment environment) {
        this.providers = providers;
        this.environment = environment;
    }

    /** The provider that guards {@code chatModel}'s calls, or null when no provider's base URL covers them. */
    ProviderSettings find(ChatModel chatModel) {
        URI baseUrl = baseUrl(chatModel);
        BreakerProviders.Match match = baseUrl == null ? null : providers.forUrl(baseUrl);
        return match == null ? null : match.provider();
    }

    /** The URL {@code chatModel} calls, or null when it cannot be told. */
    URI baseUrl(ChatModel chatModel) {
        String url = optionsBaseUrl(chatModel);
        if (url == null) {
            url = ChatModelFamily.ofType(chatModel.getClass())
                    .filter(family -> family.baseUrlProperty() != null)
                    .map(family -> environment.getProperty(family.baseUrlProperty(), family.defaultBaseUrl()))
                    .orElse(null);
        }
        try {
            return url == null || url.isBlank() ? null : URI.create(url.trim());
        } catch (IllegalArgumentException notAUrl) {
            return null;
        }
    }

    /** Spring AI 2's SDK-based models keep the URL they call in their options ({@code getBaseUrl()}). */
    private static String optionsBaseUrl(ChatModel chatModel) {
        Object options = chatModel.getOptions();
        Method getter = options == null ? null : ReflectionUtils.findMethod(options.getClass(), "getBaseUrl");
        if (getter == null || getter.getReturnType() != String.class) {
            return null;
        }
        Object url = ReflectionUtils.invokeMethod(getter, options);
        return url == null ? null : url.toString();
    }
}
