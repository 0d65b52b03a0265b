package dev.breaker.spring.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * One WireMock server for the whole test JVM, so that test classes can share one Spring context
 * (a per-class port would make every class a new context). Tests stub distinct paths and reset it.
 */
public final class Upstream {

    private static final WireMockServer SERVER = start();

    private Upstream() {
    }

    public static WireMockServer server() {
        return SERVER;
    }

    public static String baseUrl() {
        return SERVER.baseUrl();
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "wiremock-stop"));
        return server;
    }
}
