package dev.breaker.benchmarks.outage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * The application's callers: one thread starts a call every {@code 1 / callsPerSecond}, to every
 * contender at the same instant, whatever happened to the earlier calls (open loop, as independent
 * users behave). Call number i goes to replica {@code i mod replicas}, as a round-robin load
 * balancer would send it. One HTTP client carries every call: what makes replicas independent is
 * their breakers, and one client's threads cost the least CPU on a machine the run shares.
 */
final class Callers {

    private static final String BODY = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":16,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}";

    private final Scenario scenario;
    private final List<Contender> contenders;
    private final List<URI> uris;
    private final ExecutorService httpThreads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "http-client");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client;

    Callers(Scenario scenario, List<Contender> contenders, List<URI> uris) {
        this.scenario = scenario;
        this.contenders = contenders;
        this.uris = uris;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(scenario.clientTimeout())
                .executor(httpThreads)
                .build();
    }

    /**
     * Warms up from {@code startNanos - warmUp} on (the same calls, to the healthy upstream, with no
     * breaker in the way and nothing recorded: JIT compilation and connection pools settle), then
     * calls through the breakers until the scenario ends, then waits for the last calls to end.
     */
    void run(long startNanos, Duration warmUp) throws InterruptedException {
        long interval = scenario.callInterval();
        long first = -(warmUp.toNanos() / interval);
        for (long i = first; i * interval < scenario.end(); i++) {
            long due = startNanos + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            for (int c = 0; c < contenders.size(); c++) {
                int replica = (int) Math.floorMod(i, contenders.get(c).replicas().size());
                if (i < 0) {
                    warmUp(c);
                } else {
                    call(c, replica);
                }
            }
        }
        Thread.sleep(scenario.clientTimeout().toMillis() + 500);
        httpThreads.shutdownNow();
    }

    private void warmUp(int contenderIndex) {
        client.sendAsync(request(contenderIndex, FlakyUpstream.WARM_UP), HttpResponse.BodyHandlers.discarding());
    }

    private HttpRequest request(int contenderIndex, String admitted) {
        return HttpRequest.newBuilder(uris.get(contenderIndex))
                .timeout(scenario.clientTimeout())
                .header("Content-Type", "application/json")
                .header(FlakyUpstream.ADMITTED_HEADER, admitted)
                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                .build();
    }

    private void call(int contenderIndex, int replicaIndex) {
        Contender contender = contenders.get(contenderIndex);
        Recorder recorder = contender.recorder();
        recorder.starting();
        Replica.Admission admission = contender.replicas().get(replicaIndex).tryAdmit();
        if (admission == null) {
            recorder.rejected(recorder.now());
            recorder.ended();
            return;
        }
        HttpRequest request = request(contenderIndex, admission.probe() ? "probe" : "closed");
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, error) -> {
                    boolean failed = error != null || BreakerSettings.FAILURE_STATUSES.contains(response.statusCode());
                    if (failed && !admission.probe()) {
                        recorder.closedCallFailed(BreakerSettings.FAILURE_THRESHOLD);
                    }
                    try {
                        if (error == null) {
                            admission.responded(response.statusCode(), response.headers());
                        } else {
                            admission.failed(error instanceof CompletionException ? error.getCause() : error);
                        }
                    } catch (Throwable bug) { // would vanish into the discarded future
                        bug.printStackTrace();
                    } finally {
                        recorder.ended();
                    }
                });
    }
}
