package dev.breaker.spring.autoconfigure;

import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/**
 * The settings of one provider (under {@code breaker.providers.<name>}) or the defaults of all
 * (under {@code breaker.defaults}). Unset values are null here: a provider's value wins over the
 * defaults, which win over the built-in default documented on each property.
 */
public class ProviderProperties {

    /**
     * Whether this provider's breakers act. When false its calls pass untouched.
     */
    private Boolean enabled;

    /**
     * Inbound: requests under this path (matched by whole segments) belong to the provider. When unset, the
     * inbound filter does not apply.
     */
    private String pathPrefix;

    /**
     * Outbound: WebClient and RestClient requests to this URL belong to the provider. When unset, only the
     * request attribute dev.breaker.provider selects it.
     */
    private String baseUrl;

    /**
     * What one breaker covers: provider, endpoint, model, tenant, or a list such as endpoint,model.
     */
    private List<String> scope;

    /**
     * Request header that names the model (inbound). When unset, the top-level "model" field of a JSON
     * request body.
     */
    private String modelHeader;

    /**
     * Request header that names the tenant (inbound).
     */
    private String tenantHeader;

    /**
     * HTTP statuses that count as failures.
     */
    private List<Integer> failureStatuses;

    /**
     * Whether timeouts and connection failures count as failures.
     */
    private Boolean countTimeouts;

    /**
     * Count rule: failures in the window that trip the breaker. Unset: only the rate rule applies.
     */
    private Integer failureThreshold;

    /**
     * Rate rule: the fraction of failing calls in the window that trips the breaker, 0 < r <= 1.
     */
    private Double failureRateThreshold;

    /**
     * Calls the window must hold before the rate rule applies.
     */
    private Integer minimumCalls;

    /**
     * The window holds at most this many of the latest calls.
     */
    private Integer windowSize;

    /**
     * The window holds only calls within this duration (judged at a tenth of it).
     */
    private Duration windowDuration;

    /**
     * How long the breaker stays open after its first trip.
     */
    private Duration openDuration;

    /**
     * Multiplies the open period for every consecutive trip without a full recovery (>= 1).
     */
    private Double backoffMultiplier;

    /**
     * The longest open period, Retry-After and quota resets included.
     */
    private Duration maxOpenDuration;

    /**
     * Probe calls admitted at the same time while half-open.
     */
    private Integer halfOpenMaxCalls;

    /**
     * Successful probes that close the breaker. Defaults to half-open-max-calls.
     */
    private Integer halfOpenSuccessesToClose;

    /**
     * Whether an upstream's Retry-After (or retry-after-ms, or rate-limit reset headers) lengthens the open period.
     */
    private Boolean honorRetryAfter;

    /**
     * Shape of the JSON body of an inbound rejection: anthropic, openai or problem (RFC 9457
     * application/problem+json).
     */
    private String errorFormat;

    /**
     * HTTP status of an inbound rejection: 429 or a 5xx.
     */
    private Integer rejectionStatus;

    /**
     * Whether a quota or spend-cap error opens the breaker at once.
     */
    private Boolean quotaErrors;

    /**
     * Adds a random fraction, up to this (0 to 1), of the open period, so breakers do not all probe at once.
     */
    private Double openJitter;

    /**
     * Keys per provider before the least recently used closed breakers are dropped.
     */
    private Integer maxBreakers;

    /**
     * A half-open probe that has not reported back within this gives its slot back.
     */
    private Duration probeTimeout;

    /**
     * A finished call that took at least this long to answer (a stream: to its first generated
     * content) is slow. Unset: slow calls are not judged.
     */
    private Duration slowCallDuration;

    /**
     * The slow rule: the share of slow calls among the calls in the window that trips the breaker,
     * 0 &lt; r &le; 1, once the window holds minimum-calls calls. Only with slow-call-duration.
     */
    private Double slowCallRateThreshold;

    /**
     * Error types of streamed error events that count as failures.
     */
    private List<String> streamFailureTypes;

    /**
     * How far into a JSON request body the top-level "model" is looked for (inbound). The body read
     * so far is held until the model is found, then handed on unchanged.
     */
    private DataSize modelSearchLimit;

    /**
     * Whether metrics carry the key tag. When false, one series per provider, with key "*".
     */
    private Boolean keyTag;

    /**
     * With key-tag, how many keys of the provider get metric series of their own; the others share
     * the series with key "_other", so that clients choosing keys cannot flood the metrics backend.
     */
    private Integer keySeriesLimit;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public String getPathPrefix() {
        return pathPrefix;
    }

    public void setPathPrefix(String pathPrefix) {
        this.pathPrefix = pathPrefix;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public List<String> getScope() {
        return scope;
    }

    public void setScope(List<String> scope) {
        this.scope = scope;
    }

    public String getModelHeader() {
        return modelHeader;
    }

    public void setModelHeader(String modelHeader) {
        this.modelHeader = modelHeader;
    }

    public String getTenantHeader() {
        return tenantHeader;
    }

    public void setTenantHeader(String tenantHeader) {
        this.tenantHeader = tenantHeader;
    }

    public List<Integer> getFailureStatuses() {
        return failureStatuses;
    }

    public void setFailureStatuses(List<Integer> failureStatuses) {
        this.failureStatuses = failureStatuses;
    }

    public Boolean getCountTimeouts() {
        return countTimeouts;
    }

    public void setCountTimeouts(Boolean countTimeouts) {
        this.countTimeouts = countTimeouts;
    }

    public Integer getFailureThreshold() {
        return failureThreshold;
    }

    public void setFailureThreshold(Integer failureThreshold) {
        this.failureThreshold = failureThreshold;
    }

    public Double getFailureRateThreshold() {
        return failureRateThreshold;
    }

    public void setFailureRateThreshold(Double failureRateThreshold) {
        this.failureRateThreshold = failureRateThreshold;
    }

    public Integer getMinimumCalls() {
        return minimumCalls;
    }

    public void setMinimumCalls(Integer minimumCalls) {
        this.minimumCalls = minimumCalls;
    }

    public Integer getWindowSize() {
        return windowSize;
    }

    public void setWindowSize(Integer windowSize) {
        this.windowSize = windowSize;
    }

    public Duration getWindowDuration() {
        return windowDuration;
    }

    public void setWindowDuration(Duration windowDuration) {
        this.windowDuration = windowDuration;
    }

    public Duration getOpenDuration() {
        return openDuration;
    }

    public void setOpenDuration(Duration openDuration) {
        this.openDuration = openDuration;
    }

    public Double getBackoffMultiplier() {
        return backoffMultiplier;
    }

    public void setBackoffMultiplier(Double backoffMultiplier) {
        this.backoffMultiplier = backoffMultiplier;
    }

    public Duration getMaxOpenDuration() {
        return maxOpenDuration;
    }

    public void setMaxOpenDuration(Duration maxOpenDuration) {
        this.maxOpenDuration = maxOpenDuration;
    }

    public Integer getHalfOpenMaxCalls() {
        return halfOpenMaxCalls;
    }

    public void setHalfOpenMaxCalls(Integer halfOpenMaxCalls) {
        this.halfOpenMaxCalls = halfOpenMaxCalls;
    }

    public Integer getHalfOpenSuccessesToClose() {
        return halfOpenSuccessesToClose;
    }

    public void setHalfOpenSuccessesToClose(Integer halfOpenSuccessesToClose) {
        this.halfOpenSuccessesToClose = halfOpenSuccessesToClose;
    }

    public Boolean getHonorRetryAfter() {
        return honorRetryAfter;
    }

    public void setHonorRetryAfter(Boolean honorRetryAfter) {
        this.honorRetryAfter = honorRetryAfter;
    }

    public String getErrorFormat() {
        return errorFormat;
    }

    public void setErrorFormat(String errorFormat) {
        this.errorFormat = errorFormat;
    }

    public Integer getRejectionStatus() {
        return rejectionStatus;
    }

    public void setRejectionStatus(Integer rejectionStatus) {
        this.rejectionStatus = rejectionStatus;
    }

    public Boolean getQuotaErrors() {
        return quotaErrors;
    }

    public void setQuotaErrors(Boolean quotaErrors) {
        this.quotaErrors = quotaErrors;
    }

    public Double getOpenJitter() {
        return openJitter;
    }

    public void setOpenJitter(Double openJitter) {
        this.openJitter = openJitter;
    }

    public Integer getMaxBreakers() {
        return maxBreakers;
    }

    public void setMaxBreakers(Integer maxBreakers) {
        this.maxBreakers = maxBreakers;
    }

    public Duration getProbeTimeout() {
        return probeTimeout;
    }

    public void setProbeTimeout(Duration probeTimeout) {
        this.probeTimeout = probeTimeout;
    }

    public List<String> getStreamFailureTypes() {
        return streamFailureTypes;
    }

    public void setStreamFailureTypes(List<String> streamFailureTypes) {
        this.streamFailureTypes = streamFailureTypes;
    }

    public Boolean getKeyTag() {
        return keyTag;
    }

    public void setKeyTag(Boolean keyTag) {
        this.keyTag = keyTag;
    }

    public Integer getKeySeriesLimit() {
        return keySeriesLimit;
    }

    public void setKeySeriesLimit(Integer keySeriesLimit) {
        this.keySeriesLimit = keySeriesLimit;
    }

    public DataSize getModelSearchLimit() {
        return modelSearchLimit;
    }

    public void setModelSearchLimit(DataSize modelSearchLimit) {
        this.modelSearchLimit = modelSearchLimit;
    }

    public Duration getSlowCallDuration() {
        return slowCallDuration;
    }

    public void setSlowCallDuration(Duration slowCallDuration) {
        this.slowCallDuration = slowCallDuration;
    }

    public Double getSlowCallRateThreshold() {
        return slowCallRateThreshold;
    }

    public void setSlowCallRateThreshold(Double slowCallRateThreshold) {
        this.slowCallRateThreshold = slowCallRateThreshold;
    }
}
