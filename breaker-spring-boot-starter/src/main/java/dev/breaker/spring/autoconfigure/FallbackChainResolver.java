package dev.breaker.spring.autoconfigure;

import dev.breaker.core.clock.BreakerClock;
import dev.breaker.spring.fallback.FallbackEntry;
import dev.breaker.spring.judge.ResponseJudge;
import dev.breaker.spring.provider.BreakerProviders;
import dev.breaker.spring.provider.InvalidBreakerPropertyException;
import dev.breaker.spring.provider.ProviderSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves {@code breaker.fallback.chat-models} into the chain's entries, and stops the start-up, naming
 * the property and the fix, for an entry that cannot work: not written {@code <chat model>/<model name>},
 * an unknown chat model id or bean, or one listed twice.
 *
 * <p>An entry's provider, whose breakers guard its calls and judge its failures, is the one that
 * guards its chat model's calls ({@link ChatModelProviders}). An entry that no provider covers has no
 * breaker: it is never skipped, and its failures are judged by {@code breaker.defaults} alone.
 */
final class FallbackChainResolver {

    static final String PROPERTY = "breaker.fallback.chat-models";

    static final String BEAN_NAME = "breakerFallbackChatModel";

    private static final String NO_PROVIDER = "-";

    private static final Logger log = LoggerFactory.getLogger(FallbackChainResolver.class);

    private final ListableBeanFactory beans;
    private final ChatModelProviders chatModelProviders;
    private final ProviderSettingsResolver settings;
    private final BreakerClock clock;
    private final ClassLoader classLoader;

    FallbackChainResolver(ListableBeanFactory beans, ClassLoader classLoader, Environment environment,
                          BreakerProviders providers, ProviderSettingsResolver settings, BreakerClock clock) {
        this.beans = beans;
        this.classLoader = classLoader;
        this.chatModelProviders = new ChatModelProviders(providers, environment);
        this.settings = settings;
        this.clock = clock;
    }

    List<FallbackEntry> resolve(List<String> written) {
        if (written.isEmpty()) {
            throw invalid("", "name at least one entry, such as anthropic/claude-sonnet-4-5, openai/gpt-4o; "
                    + "or remove the property to do without a fallback chain");
        }
        List<FallbackEntry> entries = new ArrayList<>();
        List<String> described = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<List<String>> targets = new HashSet<>();
        for (String raw : written) {
            String entry = raw == null ? "" : raw.trim();
            int slash = entry.indexOf('/');
            String chatModel = slash < 0 ? "" : entry.substring(0, slash).trim();
            String model = slash < 0 ? "" : entry.substring(slash + 1).trim();
            if (slash < 0 || chatModel.isEmpty()) {
                throw invalid(entry, "entry '" + entry + "' names no chat model: write each entry as "
                        + "<chat model>/<model name>, such as openai/gpt-4o");
            }
            if (model.isEmpty()) {
                throw invalid(entry, "entry '" + entry + "' names no model: write it as " + chatModel
                        + "/<model name>, such as " + chatModel + "/" + example(chatModel));
            }
            String bean = chatModelBean(entry, chatModel);
            if (!seen.add(entry) || !targets.add(List.of(bean, model))) {
                throw invalid(entry, "entry '" + entry + "' is listed twice (chat model bean '" + bean
                        + "', model " + model + "): remove one, a second try of the same model fails the same way");
            }
            ChatModel target = beans.getBean(bean, ChatModel.class);
            ProviderSettings provider = provider(target);
            entries.add(new FallbackEntry(entry, target, model, provider.name().equals(NO_PROVIDER) ? null : provider.name(),
                    ResponseJudge.of(provider, clock)));
            described.add(entry + describe(provider, target));
        }
        log.info("Fallback chain ({}): {}", PROPERTY, String.join(", ", described));
        return entries;
    }

    /** The name of the {@code ChatModel} bean that {@code name} (a bean name or a Spring AI model id) stands for. */
    private String chatModelBean(String entry, String name) {
        if (name.equals(BEAN_NAME)) {
            throw invalid(entry, "entry '" + entry + "' names the fallback chat model itself: name the chat models "
                    + "it should fall back between, such as anthropic or openai");
        }
        List<String> chatModels = chatModelBeans(ChatModel.class);
        if (chatModels.contains(name)) {
            return name;
        }
        ChatModelFamily family = ChatModelFamily.ofId(name).orElseThrow(() -> invalid(entry, "entry '" + entry
                + "': '" + name + "' is neither a Spring AI model id nor a ChatModel bean; use one of "
                + choices(chatModels)));
        if (!ClassUtils.isPresent(family.chatModelClass(), classLoader)) {
            throw invalid(entry, "entry '" + entry + "': Spring AI's " + name + " chat model is not on the class "
                    + "path; add org.springframework.ai:spring-ai-starter-model-" + name + ", or use one of "
                    + choices(chatModels));
        }
        List<String> ofFamily = chatModelBeans(ClassUtils.resolveClassName(family.chatModelClass(), classLoader));
        if (ofFamily.isEmpty()) {
            throw invalid(entry, "entry '" + entry + "': the application has no " + name + " ChatModel bean "
                    + "(spring.ai.model.chat may have switched it off); configure it, or use one of "
                    + choices(chatModels));
        }
        if (ofFamily.size() > 1) {
            throw invalid(entry, "entry '" + entry + "': " + ofFamily.size() + " ChatModel beans are " + name
                    + " chat models " + ofFamily + "; name one of them instead of '" + name + "'");
        }
        return ofFamily.get(0);
    }

    private List<String> chatModelBeans(Class<?> type) {
        return Arrays.stream(beans.getBeanNamesForType(type, true, false))
                .filter(bean -> !bean.equals(BEAN_NAME))
                .toList();
    }

    private String choices(List<String> chatModelBeans) {
        String ids = Arrays.stream(ChatModelFamily.values())
                .filter(family -> ClassUtils.isPresent(family.chatModelClass(), classLoader))
                .map(ChatModelFamily::id).collect(Collectors.joining(", "));
        return "the model ids " + (ids.isEmpty() ? "(none on the class path)" : ids) + " or the ChatModel beans "
                + (chatModelBeans.isEmpty() ? "(none)" : String.join(", ", chatModelBeans));
    }

    /** The provider whose base URL covers the chat model's, else the settings of {@code breaker.defaults} alone. */
    private ProviderSettings provider(ChatModel chatModel) {
        ProviderSettings provider = chatModelProviders.find(chatModel);
        return provider != null ? provider : settings.unconfigured(NO_PROVIDER);
    }

    private String describe(ProviderSettings provider, ChatModel chatModel) {
        if (!provider.name().equals(NO_PROVIDER)) {
            return " (provider " + provider.name() + ")";
        }
        URI baseUrl = chatModelProviders.baseUrl(chatModel);
        return " (no provider's base-url covers " + (baseUrl == null ? "its URL" : baseUrl)
                + ": never skipped, failures judged by breaker.defaults)";
    }

    private static String example(String chatModel) {
        return switch (chatModel) {
            case "anthropic" -> "claude-sonnet-4-5";
            case "ollama" -> "llama3.2";
            default -> "gpt-4o";
        };
    }

    private static InvalidBreakerPropertyException invalid(String entry, String fix) {
        return new InvalidBreakerPropertyException(PROPERTY, entry, fix);
    }
}
