package dev.breaker.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The provider behind the gateway's routes: a WireMock server on loopback, started once for the test
 * run (so that every test shares one gateway context) and stopped when the JVM exits.
 */
final class Upstream {

    private static final WireMockServer SERVER = start();

    private Upstream() {
    }

    static String baseUrl() {
        return SERVER.baseUrl();
    }

    /** From now on, every request to {@code path} gets this response. */
    static void answer(String path, ResponseDefinitionBuilder response) {
        SERVER.stubFor(any(urlPathEqualTo(path)).willReturn(response));
    }

    /** How many requests reached {@code path}. */
    static int calls(String path) {
        return SERVER.countRequestsMatching(anyRequestedFor(urlPathEqualTo(path)).build()).getCount();
    }

    /** A loopback URL where nothing listens: the port was free a moment ago. */
    static String closedUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bodies of the requests that reached {@code path}, in order. */
    static List<String> bodies(String path) {
        return SERVER.findAll(anyRequestedFor(urlPathEqualTo(path))).stream()
                .map(LoggedRequest::getBodyAsString).toList();
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "upstream-stop"));
        return server;
    }
}
