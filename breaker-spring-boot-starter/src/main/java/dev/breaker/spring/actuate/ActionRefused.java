package dev.breaker.spring.actuate;

import dev.breaker.core.registry.BreakerKeys;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import java.util.List;

/**
 * Why {@code POST /actuator/circuitbreakers/{provider}} changed nothing.
 *
 * @param error what was wrong with the request
 * @param validActions the actions the endpoint takes
 * @param hint what to send instead
 */
public record ActionRefused(String error, List<String> validActions, String hint) implements OperationResponseBody {

    static WebEndpointResponse<Object> badAction(String action) {
        String error = action == null || action.isBlank() ? "No action given" : "Unknown action '" + action + "'";
        return new WebEndpointResponse<>(new ActionRefused(error + "; use one of " + BreakerAction.codes(),
                BreakerAction.codeList(), "POST {\"action\":\"force-open\",\"key\":\"/v1/messages\"}; without a key "
                        + "the action applies to every breaker of the provider"), WebEndpointResponse.STATUS_BAD_REQUEST);
    }

    static WebEndpointResponse<Object> badKey(String key) {
        String error = key.isBlank() ? "The key is empty" : "The key is longer than " + BreakerKeys.MAX_LENGTH
                + " characters, so no breaker can have it";
        return new WebEndpointResponse<>(new ActionRefused(error, BreakerAction.codeList(),
                "leave the key out to act on every breaker of the provider, or name one that GET lists"),
                WebEndpointResponse.STATUS_BAD_REQUEST);
    }

    static WebEndpointResponse<Object> noBreaker(String provider, String key) {
        return new WebEndpointResponse<>(new ActionRefused("Provider '" + provider + "' has no breaker with key '"
                + key + "'", BreakerAction.codeList(), "check the key against GET /actuator/circuitbreakers/" + provider
                + ", or add \"create\":true to force a breaker for a key that has seen no traffic yet"),
                WebEndpointResponse.STATUS_NOT_FOUND);
    }
}
