package dev.roundtrip.trace;

/**
 * The stages of one request-response exchange, in the order they begin. Only the exchange that opens
 * a connection has CONNECT (and, on TLS, HANDSHAKE); an exchange on a reused connection starts at SEND.
 *
 * <p>Events of one exchange arrive in this documented order (as OkHttp's EventListener does, one
 * begin/end pair per step, progress events in between):
 * <pre>
 *  CONNECT   BEGIN    client, connect() is called: its kernel sends SYN
 *  CONNECT   PROGRESS server, accept() returned the connection (the kernels completed SYN, SYN-ACK, ACK)
 *  CONNECT   PROGRESS server, the accepted connection is ready on its event loop (tcp)
 *  CONNECT   END      client, connect() completed: established (tcp)
 *  HANDSHAKE BEGIN    client, the TLS client starts: it writes its ClientHello
 *  HANDSHAKE PROGRESS either side, one per socket read or write (bytes), then one per TLS record in it (tlsRecord)
 *  HANDSHAKE END      server, its side of the handshake is done (tls)
 *  HANDSHAKE END      client, its side of the handshake is done (tls: protocol, cipher suite, ALPN, round trips)
 * </pre>
 * For a connection from an outside client (curl) only the server's events are known: its CONNECT
 * BEGIN is the accept, its END the connection ready; its HANDSHAKE BEGIN the first byte of the ClientHello.
 * <pre>
 *  SEND      BEGIN    client, before the first byte of the request is written
 *  SEND      PROGRESS client, one per socket write (bytes, buffer, kernel)
 *  SEND      END      client, the last write has been flushed to the kernel
 *  PARSE     BEGIN    server, first socket read of this request
 *  PARSE     PROGRESS server, one per socket read (bytes, buffer, kernel)
 *  PARSE     END      server, request line, headers and body fully decoded
 *  PROCESS   BEGIN    server, the handler starts (routing)
 *  PROCESS   PROGRESS database, per SQL statement over the database socket (database): the pool's connect (tcp, kernel;
 *                     then the H2 session's request and response bytes) or reuse, the request bytes, the response bytes
 *  PROCESS   PROGRESS database, one per SQL statement (sql); embedded, only this one
 *  PROCESS   END      server, the handler has produced a response
 *  RESPOND   BEGIN    server, before the first byte of the response is written
 *  RESPOND   PROGRESS server, one per socket write
 *  RESPOND   END      server, the last write has been flushed (or failed: ERROR)
 *  INTERPRET BEGIN    client, first socket read of the response
 *  INTERPRET PROGRESS client, one per socket read
 *  INTERPRET END      client, response decoded and the decision taken (show, retry, give up)
 * </pre>
 * A long-lived exchange (an event stream, a WebSocket after its 101) keeps RESPOND and INTERPRET open
 * after the response head; each message is one PROGRESS event with a {@code message} readout and its bytes:
 * <pre>
 *  RESPOND   PROGRESS server, one per SSE event or WebSocket frame written, and per frame read from the client
 *  INTERPRET PROGRESS client, one per socket read, per SSE event decoded, and per WebSocket frame either way
 *  RESPOND   END      server, the stream ended (the client left, the server stopped, a limit was hit: ERROR)
 *  INTERPRET END      client, the stream ended
 * </pre>
 * A stage that fails ends with ERROR instead of END. Because client and server run concurrently, a
 * later stage may begin before an earlier one ends (a large body is parsed while it is still being
 * sent); BEGIN events of one exchange never come out of this order. On TLS, {@code bytes} are what
 * crossed the socket (ciphertext records) and {@code plain} what the program wrote or read: a plaintext
 * event of SEND, PARSE, RESPOND and INTERPRET carries {@code plain} and no {@code bytes}.
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
    CONNECT(Actor.CLIENT),
    HANDSHAKE(Actor.CLIENT),
    SEND(Actor.CLIENT),
    PARSE(Actor.SERVER),
    PROCESS(Actor.SERVER),
    RESPOND(Actor.SERVER),
    INTERPRET(Actor.CLIENT);

    private final Actor owner;

    Stage(Actor owner) {
        this.owner = owner;
    }

    /** True for the stages that open a connection (CONNECT, HANDSHAKE): an exchange on a reused one has none. */
    public boolean opensConnection() {
        return this == CONNECT || this == HANDSHAKE;
    }

    /** The stages a gate can hold an exchange before (connect and handshake run without a hold), in order. */
    public static java.util.List<Stage> gated() {
        return java.util.List.of(SEND, PARSE, PROCESS, RESPOND, INTERPRET);
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
