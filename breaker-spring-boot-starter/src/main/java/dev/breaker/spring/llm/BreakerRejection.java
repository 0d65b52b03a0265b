package dev.breaker.spring.llm;

import dev.breaker.core.BreakerOpenException;
import dev.breaker.spring.config.ErrorFormat;
import dev.breaker.spring.config.ProviderSettings;
import dev.breaker.spring.web.RejectionBody;

/**
 * The response a client is given, without any connection, where the only way to refuse a call is to
 * answer it: the provider's {@code rejection-status}, {@code Retry-After} in whole seconds,
 * {@code x-should-retry: false} (the Anthropic and OpenAI SDKs then do not retry it), headers naming
 * the provider and key, and a body in the provider's {@code error-format}.
 */
final class BreakerRejection {

    /** Names the provider whose breaker refused the call. */
    static final String PROVIDER_HEADER = "x-breaker-provider";

    /** Names the key of the breaker that refused the call. */
    static final String KEY_HEADER = "x-breaker-key";

    private BreakerRejection() {
    }

    static int status(ProviderSettings provider) {
        return provider == null ? 503 : provider.rejectionStatus();
    }

    static String contentType(ProviderSettings provider) {
        return format(provider) == ErrorFormat.PROBLEM ? "application/problem+json" : "application/json";
    }

    static byte[] body(ProviderSettings provider, BreakerOpenException refusal) {
        return RejectionBody.bytes(format(provider), status(provider), refusal);
    }

    private static ErrorFormat format(ProviderSettings provider) {
        return provider == null ? ErrorFormat.PROBLEM : provider.errorFormat();
    }
}
