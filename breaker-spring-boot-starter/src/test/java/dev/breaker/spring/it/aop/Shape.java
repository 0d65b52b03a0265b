package dev.breaker.spring.it.aop;

import java.util.concurrent.CompletionException;

/** Each return type that @ProviderBreaker supports, called and waited for the same way. */
enum Shape {

    PLAIN {
        @Override
        String call(ModelClient client, String model) {
            return client.complete(model);
        }
    },
    MONO {
        @Override
        String call(ModelClient client, String model) {
            return client.completeMono(model).block();
        }
    },
    FLUX {
        @Override
        String call(ModelClient client, String model) {
            return String.join("", client.stream(model).collectList().block());
        }
    },
    FUTURE {
        @Override
        String call(ModelClient client, String model) {
            try {
                return client.completeAsync(model).join();
            } catch (CompletionException e) {
                throw (RuntimeException) e.getCause();
            }
        }
    };

    abstract String call(ModelClient client, String model);

    /** A key of its own for each test and shape, so that tests share the context but no breaker. */
    String model(String test) {
        return test + "-" + name().toLowerCase();
    }
}
