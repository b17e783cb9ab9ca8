package dev.roundtrip.trace;

/**
 * The five stages of one request-response exchange, in the order they begin.
 *
 * <p>Events of one exchange arrive in this documented order (as OkHttp's EventListener does, one
 * begin/end pair per step, progress events in between):
 * <pre>
 *  SEND      BEGIN    client, before the first byte of the request is written
 *  SEND      PROGRESS client, one per socket write (bytes, buffer, kernel)
 *  SEND      END      client, the last write has been flushed to the kernel
 *  PARSE     BEGIN    server, first socket read of this request
 *  PARSE     PROGRESS server, one per socket read (bytes, buffer, kernel)
 *  PARSE     END      server, request line, headers and body fully decoded
 *  PROCESS   BEGIN    server, the handler starts (routing)
 *  PROCESS   PROGRESS database, one per SQL statement (sql)
 *  PROCESS   END      server, the handler has produced a response
 *  RESPOND   BEGIN    server, before the first byte of the response is written
 *  RESPOND   PROGRESS server, one per socket write
 *  RESPOND   END      server, the last write has been flushed (or failed: ERROR)
 *  INTERPRET BEGIN    client, first socket read of the response
 *  INTERPRET PROGRESS client, one per socket read
 *  INTERPRET END      client, response decoded and the decision taken (show, retry, give up)
 * </pre>
 * A stage that fails ends with ERROR instead of END. Because client and server run concurrently, a
 * later stage may begin before an earlier one ends (a large body is parsed while it is still being
 * sent); BEGIN events of one exchange never come out of this order.
 *
 * <p>A captured exchange (Roundtrip between a foreign client and a foreign server) has the same five
 * stages on two connections, in the order the bytes travel, streamed so they overlap:
 * <pre>
 *  PARSE     server side of the proxy reads the foreign client's request
 *  SEND      client side of the proxy forwards it to the foreign server
 *  PROCESS   FOREIGN_SERVER, measured from outside: last request byte written .. first response byte read
 *  INTERPRET client side of the proxy reads the foreign server's response
 *  RESPOND   server side of the proxy writes it to the foreign client
 * </pre>
 */
public enum Stage {
    SEND(Actor.CLIENT),
    PARSE(Actor.SERVER),
    PROCESS(Actor.SERVER),
    RESPOND(Actor.SERVER),
    INTERPRET(Actor.CLIENT);

    private final Actor owner;

    Stage(Actor owner) {
        this.owner = owner;
    }

    /** The side whose code runs this stage. */
    public Actor owner() {
        return owner;
    }

    /** The wire name used in recordings: lower case. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Stage fromWireName(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
