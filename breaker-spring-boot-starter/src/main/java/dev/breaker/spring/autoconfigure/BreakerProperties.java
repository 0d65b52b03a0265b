package dev.breaker.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything under {@code breaker.*}. Per-provider values are resolved, with defaults and validation,
 * into {@link dev.breaker.spring.provider.ProviderSettings} at start-up.
 */
@ConfigurationProperties(prefix = "breaker")
public class BreakerProperties {

    /**
     * Whether circuit breakers are on. When false, nothing of the starter is configured.
     */
    private boolean enabled = true;

    /**
     * Values that every provider gets unless it sets its own.
     */
    @NestedConfigurationProperty
    private ProviderProperties defaults = new ProviderProperties();

    /**
     * The providers, by name (bracket names that contain dots: "[x.ai]").
     */
    private Map<String, ProviderProperties> providers = new LinkedHashMap<>();

    private final Store store = new Store();

    private final Health health = new Health();

    private final Fallback fallback = new Fallback();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public ProviderProperties getDefaults() {
        return defaults;
    }

    public void setDefaults(ProviderProperties defaults) {
        this.defaults = defaults;
    }

    public Map<String, ProviderProperties> getProviders() {
        return providers;
    }

    public void setProviders(Map<String, ProviderProperties> providers) {
        this.providers = providers;
    }

    public Store getStore() {
        return store;
    }

    public Health getHealth() {
        return health;
    }

    public Fallback getFallback() {
        return fallback;
    }

    public static class Store {

        /**
         * Where breaker state lives: "memory" (each replica on its own) or "redis" (shared by every
         * replica that uses the same Redis).
         */
        private String type = "memory";

        private final Redis redis = new Redis();

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public Redis getRedis() {
            return redis;
        }
    }

    public static class Redis {

        /**
         * Redis URL, such as redis://localhost:6379. When unset, the application's
         * spring.data.redis.* connection settings are used.
         */
        private String url;

        /**
         * Prefix of every key the breaker writes to Redis.
         */
        private String keyPrefix = "breaker:";

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getKeyPrefix() {
            return keyPrefix;
        }

        public void setKeyPrefix(String keyPrefix) {
            this.keyPrefix = keyPrefix;
        }
    }

    public static class Health {

        /**
         * Whether an open breaker takes the application's health DOWN. Off by default: an upstream
         * outage is no reason to restart this service.
         */
        private boolean downWhenOpen = false;

        public boolean isDownWhenOpen() {
            return downWhenOpen;
        }

        public void setDownWhenOpen(boolean downWhenOpen) {
            this.downWhenOpen = downWhenOpen;
        }
    }

    public static class Fallback {

        /**
         * Spring AI chat models to serve prompts from, in order, each written as
         * "<chat model>/<model name>" (such as "anthropic/claude-sonnet-4-5, openai/gpt-4o"). The chat
         * model is a Spring AI model id (anthropic, openai, ollama, ...) or a ChatModel bean name. When
         * set, the primary ChatModel bean "breakerFallbackChatModel" serves each prompt from the first
         * entry whose breaker admits it and that does not fail.
         */
        private List<String> chatModels = new ArrayList<>();

        public List<String> getChatModels() {
            return chatModels;
        }

        public void setChatModels(List<String> chatModels) {
            this.chatModels = chatModels;
        }
    }
}
