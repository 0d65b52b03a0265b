package dev.breaker.spring.it.gateway;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** A stream under the anthropic prefix whose events the test releases one by one (see {@link StreamGate}). */
@RestController
class StreamController {

    private final StreamGate gate;

    StreamController(StreamGate gate) {
        this.gate = gate;
    }

    @GetMapping(path = "/anthropic/test/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<String>> stream() {
        return gate.events().map(data -> ServerSentEvent.builder(data).event("content_block_delta").build());
    }
}
