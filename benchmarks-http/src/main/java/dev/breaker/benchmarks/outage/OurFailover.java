package dev.breaker.benchmarks.outage;

import dev.breaker.core.BreakerConfig;
import dev.breaker.core.registry.BreakerRegistry;
import dev.breaker.spring.dialect.ErrorFormat;
import dev.breaker.spring.fallback.FallbackChatModel;
import dev.breaker.spring.fallback.FallbackEntry;
import dev.breaker.spring.fallback.FallbackListener;
import dev.breaker.spring.judge.ResponseJudge;
import dev.breaker.spring.outbound.OutboundGuard;
import dev.breaker.spring.provider.BreakerProviders;
import dev.breaker.spring.provider.ProviderSettings;
import dev.breaker.spring.provider.Scope;
import dev.breaker.spring.web.client.BreakerClientHttpRequestInterceptor;
import org.springframework.ai.chat.prompt.Prompt;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The starter's failover, as an application configured with {@code breaker.fallback.chat-models:
 * primary/…, fallback/…} has it: {@link FallbackChatModel} over two chat models, each upstream guarded
 * by its provider's breaker through the starter's {@code RestClient} interceptor, with the outage
 * simulation's breaker settings. Without a fallback entry, the same breaker alone: what callers get
 * with no failover.
 */
final class OurFailover implements FailoverContender {

    private static final String PRIMARY = "primary/claude-sonnet-4-5";

    private final String label;
    private final Recorder primary;
    private final FallbackChatModel chain;
    private final Prompt prompt = new Prompt("ping");

    OurFailover(String label, Recorder primary, URI primaryUri, URI fallbackUri, Duration timeout, Executor httpThreads) {
        this.label = label;
        this.primary = primary;
        List<ProviderSettings> providers = new ArrayList<>();
        providers.add(provider("primary", primaryUri));
        if (fallbackUri != null) {
            providers.add(provider("fallback", fallbackUri));
        }
        BreakerRegistry.Builder registryBuilder = BreakerRegistry.builder();
        providers.forEach(provider -> registryBuilder.provider(provider.name(), provider.breaker()));
        BreakerRegistry registry = registryBuilder.build();
        registry.addListener(transition -> {
            if (transition.id().provider().equals("primary")) {
                primary.stateChanged(0, transition.to());
            }
        });
        OutboundGuard guard = new OutboundGuard(BreakerProviders.of(providers), registry);
        List<FallbackEntry> entries = new ArrayList<>();
        for (ProviderSettings provider : providers) {
            URI uri = provider.name().equals("primary") ? primaryUri : fallbackUri;
            UpstreamCall call = new UpstreamCall(uri, timeout, httpThreads,
                    List.of(new BreakerClientHttpRequestInterceptor(guard)));
            entries.add(new FallbackEntry(provider.name().equals("primary") ? PRIMARY : "fallback/gpt-4o",
                    new HttpChatModel(call), "m", provider.name(), ResponseJudge.of(provider, registry.clock())));
        }
        this.chain = new FallbackChatModel(entries, FallbackListener.NONE);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Recorder primary() {
        return primary;
    }

    @Override
    public boolean ask() {
        return !PRIMARY.equals(chain.call(prompt).getMetadata().getModel());
    }

    private static ProviderSettings provider(String name, URI uri) {
        BreakerConfig config = OurReplica.CONFIG;
        return new ProviderSettings(name, true, null, uri, List.of(Scope.PROVIDER), null, "X-Tenant-Id",
                ErrorFormat.PROBLEM, 503, Set.of("overloaded_error"), 1024, false, 0, config);
    }
}
