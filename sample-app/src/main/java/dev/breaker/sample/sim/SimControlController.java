package dev.breaker.sample.sim;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

import java.util.List;
import java.util.Map;

/**
 * Switches the simulated providers at run time:
 * <pre>
 * PUT    /sim/control/anthropic  {"mode":"overloaded"}                       every endpoint and model
 * PUT    /sim/control/openai     {"mode":"rate-limited","retryAfterSeconds":20,"model":"gpt-4o"}
 * DELETE /sim/control/openai?model=gpt-4o   drops that one rule
 * DELETE /sim/control/openai     healthy again, for every endpoint and model
 * GET    /sim/control            every provider's rules
 * GET    /sim/control/served     how many calls each provider has answered
 * </pre>
 */
@RestController
@RequestMapping("/sim/control")
class SimControlController {

    private final SimulatorState state;

    SimControlController(SimulatorState state) {
        this.state = state;
    }

    @GetMapping
    Map<String, List<SimRule>> all() {
        return state.snapshot();
    }

    @GetMapping("/served")
    Map<String, Long> served() {
        return state.served();
    }

    @GetMapping("/{provider}")
    List<SimRule> one(@PathVariable String provider) {
        return state.snapshot().get(known(provider));
    }

    @PutMapping("/{provider}")
    List<SimRule> put(@PathVariable String provider, @RequestBody SimRule rule) {
        state.put(known(provider), rule);
        return state.snapshot().get(provider);
    }

    @DeleteMapping("/{provider}")
    List<SimRule> clear(@PathVariable String provider, @RequestParam(required = false) String endpoint,
                        @RequestParam(required = false) String model) {
        if (endpoint == null && model == null) {
            state.clear(known(provider));
        } else {
            state.remove(known(provider), endpoint, model);
        }
        return state.snapshot().get(provider);
    }

    @DeleteMapping
    Map<String, List<SimRule>> clearAll() {
        state.clearAll();
        return state.snapshot();
    }

    /** A bad rule (an unknown mode, a percentage above 100) says what is wrong, for the page to show. */
    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<Map<String, String>> badRule(ServerWebInputException bad) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(bad);
        return ResponseEntity.badRequest().body(Map.of("error", String.valueOf(cause.getMessage())));
    }

    private String known(String provider) {
        if (!state.knows(provider)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                    "no simulated provider '" + provider + "'; one of " + SimulatorState.PROVIDERS);
        }
        return provider;
    }
}
