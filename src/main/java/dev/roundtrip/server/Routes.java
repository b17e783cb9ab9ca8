package dev.roundtrip.server;

/**
 * What the server runs for a parsed request (the demo application; tests put failing routes here).
 * Runs on a worker thread (the demo application's routes that cannot block: on the event loop, see
 * {@code RequestHandler.processOn}). Whatever it throws is answered 500 and traced as a process error.
 */
@FunctionalInterface
interface Routes {
    AppResponse handle(String method, String uri, byte[] body, String contentType, SqlObserver sql) throws Exception;
}
