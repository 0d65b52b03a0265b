package dev.breaker.spring.web.server;

import dev.breaker.core.BreakerConfig;
import dev.breaker.spring.dialect.ErrorFormat;
import dev.breaker.spring.provider.ProviderSettings;
import dev.breaker.spring.provider.Scope;

import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Builds the resolved settings of one provider for filter tests, starting from the documented defaults. */
final class TestProvider {

    private final String name;
    private String pathPrefix = "/gw";
    private boolean enabled = true;
    private List<Scope> scopes = List.of(Scope.ENDPOINT);
    private String modelHeader;
    private ErrorFormat errorFormat = ErrorFormat.PROBLEM;
    private int rejectionStatus = 503;
    private int modelSearchLimit = 32 * 1024 * 1024;
    private BreakerConfig.Builder breaker = BreakerConfig.builder().failureThreshold(3).halfOpenMaxCalls(1);

    private TestProvider(String name) {
        this.name = name;
    }

    static TestProvider named(String name) {
        return new TestProvider(name);
    }

    TestProvider pathPrefix(String pathPrefix) {
        this.pathPrefix = pathPrefix;
        return this;
    }

    TestProvider disabled() {
        this.enabled = false;
        return this;
    }

    TestProvider scopes(Scope... scopes) {
        this.scopes = List.of(scopes);
        return this;
    }

    TestProvider modelSearchLimit(int bytes) {
        this.modelSearchLimit = bytes;
        return this;
    }

    TestProvider modelHeader(String modelHeader) {
        this.modelHeader = modelHeader;
        return this;
    }

    TestProvider errorFormat(ErrorFormat errorFormat) {
        this.errorFormat = errorFormat;
        return this;
    }

    TestProvider rejectionStatus(int rejectionStatus) {
        this.rejectionStatus = rejectionStatus;
        return this;
    }

    TestProvider breaker(UnaryOperator<BreakerConfig.Builder> change) {
        this.breaker = change.apply(breaker);
        return this;
    }

    ProviderSettings build() {
        return new ProviderSettings(name, enabled, pathPrefix, null, scopes, modelHeader, "X-Tenant-Id", errorFormat,
                rejectionStatus, Set.of("overloaded_error", "rate_limit_error", "api_error", "server_error"), modelSearchLimit, true, 100, breaker.build());
    }
}
