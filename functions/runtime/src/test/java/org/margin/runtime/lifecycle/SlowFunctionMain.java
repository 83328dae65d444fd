package org.margin.runtime.lifecycle;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.margin.runtime.FunctionRuntime;

import io.helidon.webserver.http.HttpService;

/**
 * A function whose MCP endpoint streams {@code tick 1} to {@code tick N} over time ({@code N} from the query
 * parameter {@code ticks}, one every 250 ms), run as its own process by {@link SigtermTest}. Prints
 * {@code PORT <n>} once it takes requests.
 */
public final class SlowFunctionMain {

    private SlowFunctionMain() {
    }

    public static void main(String[] args) {
        HttpService streaming = rules -> rules.post("/", (request, response) -> {
            int ticks = Integer.parseInt(request.query().get("ticks"));
            try (OutputStream body = response.outputStream()) {
                for (int tick = 1; tick <= ticks; tick++) {
                    body.write(("tick " + tick + "\n").getBytes(StandardCharsets.US_ASCII));
                    body.flush();
                    Thread.sleep(250);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        FunctionRuntime.builder()
                .service("slow-function")
                .mcp(mount -> streaming)
                .lifecycle(new LifecycleListener() {
                    @Override
                    public void started(int port) {
                        System.out.println("PORT " + port);
                        System.out.flush();
                    }
                })
                .build()
                .serve();
    }
}
