package dev.breaker.sample.demo;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /demo/haiku?model=gpt-4o-mini&topic=rain}: always 200, from the model or from the fallback. */
@RestController
class HaikuController {

    private final HaikuService haikus;

    HaikuController(HaikuService haikus) {
        this.haikus = haikus;
    }

    @GetMapping("/demo/haiku")
    Mono<Haiku> haiku(@RequestParam(defaultValue = "gpt-4o-mini") String model,
                      @RequestParam(defaultValue = "circuit breakers") String topic) {
        return haikus.write(model, topic);
    }
}
