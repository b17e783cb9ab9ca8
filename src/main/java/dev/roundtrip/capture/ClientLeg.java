package dev.roundtrip.capture;

import dev.roundtrip.trace.Phrase;
import dev.roundtrip.trace.Actor;
import dev.roundtrip.trace.BufferReadout;
import dev.roundtrip.trace.BytesReadout;
import dev.roundtrip.trace.ExchangeEnded;
import dev.roundtrip.trace.ExchangeStarted;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Phase;
import dev.roundtrip.trace.RequestInfo;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.UpstreamSeen;
import dev.roundtrip.wire.Probes;
import dev.roundtrip.wire.Tracing;
import dev.roundtrip.wire.WireTap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * The foreign client's connection to the proxy: the server side of the capture. Its socket is read only
 * when the upstream connection has taken the last write (autoRead off), one exchange at a time; a
 * pipelined request waits, decoded, until the one before it has been answered.
 *
 * <pre>
 *  foreign client ⇄ [WireTap] ⇄ [HttpServerCodec] ⇄ [ClientLeg] ⇄ UpstreamLeg ⇄ foreign server
 * </pre>
 */
final class ClientLeg extends ChannelInboundHandlerAdapter implements WireTap.Observer {
    private final CaptureProxy proxy;
    private final Tracing t;
    private Channel ch;
    private long connectionId;
    /** Its request's first bytes have been read and its last not yet decoded. */
    private Captured parsing;
    /** Being relayed: from its request head until its response has been written. */
    private Captured current;
    private UpstreamLeg upstream;
    /** Decoded messages of a request sent before the current one was answered (pipelining). */
    private final ArrayDeque<Object> waiting = new ArrayDeque<>();
    /** Response writes the client's kernel has not taken yet: the foreign server is read only at zero. */
    private int writesInFlight;
    private boolean closing;
    /** Relaying a CONNECT tunnel: no codec, bytes unread each way. */
    private boolean tunnel;

    ClientLeg(CaptureProxy proxy) {
        this.proxy = proxy;
        this.t = proxy.tracing();
    }

    // --- socket reads and writes (WireTap) ---

    @Override
    public void onRead(ChannelHandlerContext ctx, ByteBuf buf) {
        if (tunnel) return; // the tunnel's writes to the server carry these same bytes (send)
        if (parsing == null) {
            if (closing) return;
            begin(Phrase.of("capture.parseBegins"));
        }
        Tally parse = parsing.parse;
        progress(parsing, parse, Stage.PARSE, "read", buf.readableBytes(), () -> parse.keep(buf), Probes.buffer(buf), ch);
    }

    @Override
    public void onWritten(ChannelHandlerContext ctx, ByteBuf piece, BufferReadout buffer) {
        Captured x = current;
        if (x == null || !x.respondBegun) return;
        progress(x, x.respond, Stage.RESPOND, "write", piece.readableBytes(), () -> x.respond.keep(piece), buffer, ch);
    }

    @Override
    public void onWriteFailed(ChannelHandlerContext ctx, Throwable cause, int unsent) {
        Captured x = current;
        if (x == null || x.ended) return;
        flushSummaries(x);
        t.publish(x.event(t, Stage.RESPOND, Phase.ERROR, Actor.FOREIGN_CLIENT)
                .said("capture.writeToClientFailed", UpstreamLeg.describe(cause), unsent)
                .kernel(t.probes().kernel(ch)).build());
        // a write fails when the client has gone (RST, broken pipe), or when the capture itself stops
        if (proxy.stopping()) end(x, Outcome.FAILED, Phrase.of("capture.end.stoppedWhileRelaying"));
        else end(x, Outcome.CANCELLED, Phrase.of("capture.end.clientLeft"));
        closeBoth(true);
    }

    /**
     * One socket read or write of a stage: an event of its own for the first {@value Tally#EACH}, then one per
     * {@value Tally#EVERY}. The stage's owner is Roundtrip's server side (parse, respond) or client side (send, interpret).
     */
    void progress(Captured x, Tally tally, Stage stage, String what, int n, java.util.function.Supplier<BytesReadout> kept,
                  BufferReadout buffer, Channel on) {
        Actor actor = stage == Stage.PARSE || stage == Stage.RESPOND ? Actor.SERVER : Actor.CLIENT;
        if (tally.count(n)) {
            t.publish(x.event(t, stage, Phase.PROGRESS, actor).said("read".equals(what) ? "capture.socketRead" : "capture.socketWrite", tally.ops, n)
                    .bytes(kept.get()).buffer(buffer).kernel(t.probes().kernelSampled(on))
                    .memory(t.probes().memory().read(tally.mark)).build());
        } else if (tally.summaryDue()) {
            summary(x, tally, stage, actor, what);
        }
    }

    /** The stretches still summarised when an exchange stops: its stage totals stay exact. */
    void flushSummaries(Captured x) {
        if (x.parse.hasPending()) summary(x, x.parse, Stage.PARSE, Actor.SERVER, "read");
        if (x.send.hasPending()) summary(x, x.send, Stage.SEND, Actor.CLIENT, "write");
        if (x.interpret.hasPending()) summary(x, x.interpret, Stage.INTERPRET, Actor.CLIENT, "read");
        if (x.respond.hasPending()) summary(x, x.respond, Stage.RESPOND, Actor.SERVER, "write");
    }

    /** Publishes the summarised stretch of a long body's reads or writes. */
    void summary(Captured x, Tally tally, Stage stage, Actor actor, String what) {
        BytesReadout[] r = new BytesReadout[1];
        Phrase text = tally.takeSummary(what, r);
        Channel on = stage == Stage.PARSE || stage == Stage.RESPOND ? ch : upstream == null ? ch : upstream.channel();
        t.publish(x.event(t, stage, Phase.PROGRESS, actor).detail(text).bytes(r[0]).kernel(t.probes().kernelSampled(on))
                .memory(t.probes().memory().read(tally.mark)).build());
    }

    private Captured begin(Phrase detail) {
        Captured x = new Captured(t.ids().nextExchangeId(), connectionId, t, proxy.options().maxKeptBytes());
        parsing = x;
        t.publish(new ExchangeStarted(x.id, connectionId, t.clock().now(), RequestInfo.EMPTY));
        x.parse.mark = t.probes().memory().allocatedMark();
        t.publish(x.event(t, Stage.PARSE, Phase.BEGIN, Actor.SERVER).detail(detail).memory(t.probes().memory().read(x.parse.mark)).build());
        return x;
    }

    // --- the pipeline ---

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ch = ctx.channel();
        connectionId = t.ids().nextConnectionId();
        ch.read();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (tunnel && msg instanceof ByteBuf buf) {
            upstream.relay(buf);
            return;
        }
        if (current != null && current.requestDone) {
            waiting.add(msg); // pipelined: bounded by the one socket read it came in (no more is read until the answer)
            return;
        }
        handle(msg);
    }

    private void handle(Object msg) {
        if (msg instanceof HttpRequest req) {
            Captured x = parsing != null ? parsing : begin(Phrase.of("capture.pipelined"));
            current = x;
            x.request = req;
            Phrase problem = problem(req);
            if (problem != null) {
                ReferenceCountUtil.release(msg);
                x.requestDone = true;
                parsing = null;
                t.publish(new ExchangeStarted(x.id, connectionId, t.clock().now(), new RequestInfo("", "", java.util.List.of(), null, null)));
                t.publish(x.event(t, Stage.PARSE, Phase.ERROR, Actor.SERVER).said("capture.malformedRequest", problem)
                        .memory(t.probes().memory().read(x.parse.mark)).build());
                answer(x, HttpResponseStatus.BAD_REQUEST, "Bad Request: " + problem.english() + "\n", Phrase.of("capture.end.answeredUnreached", 400));
                return;
            }
            Target target = proxy.options().isForward() ? forwardTarget(x, req) : proxy.options().target();
            if (target == null) return; // answered
            x.keepClient = HttpUtil.isKeepAlive(req);
            if (req.method().name().equals("CONNECT")) {
                ReferenceCountUtil.release(msg);
                x.requestDone = true;
                x.forwarded = req; // the upstream hop is the tunnel itself: no HTTP goes to the server
                parsing = null;
                t.publish(new ExchangeStarted(x.id, connectionId, t.clock().now(), x.requestInfo()));
                t.publish(x.event(t, Stage.PARSE, Phase.END, Actor.SERVER)
                        .said("capture.connectAsked", req.uri())
                        .memory(t.probes().memory().read(x.parse.mark)).build());
                upstream = UpstreamLeg.tunnel(proxy, this, x, target, ch.eventLoop());
                return;
            }
            x.forwarded = forwardedHead(x, req);
            t.publish(new ExchangeStarted(x.id, connectionId, t.clock().now(), x.requestInfo()));
            upstream = UpstreamLeg.connect(proxy, this, x, target, ch.eventLoop());
            upstream.forward(x.forwarded);
            if (msg instanceof HttpContent c) content(x, c);
            return;
        }
        if (msg instanceof HttpContent c && current != null && upstream != null) {
            content(current, c);
            return;
        }
        ReferenceCountUtil.release(msg);
    }

    private void content(Captured x, HttpContent c) {
        x.requestBody.add(c.content());
        boolean last = c instanceof LastHttpContent;
        if (last) {
            x.requestDone = true;
            parsing = null;
            if (c.decoderResult().isFailure()) {
                c.release();
                t.publish(x.event(t, Stage.PARSE, Phase.ERROR, Actor.SERVER).said("capture.malformedBody", UpstreamLeg.describe(c.decoderResult().cause()))
                        .memory(t.probes().memory().read(x.parse.mark)).build());
                upstream.abandon();
                answer(x, HttpResponseStatus.BAD_REQUEST, "Bad Request: the request body is malformed\n", Phrase.of("capture.end.answered", 400));
                return;
            }
            if (x.requestBody.length > 0) t.publish(new ExchangeStarted(x.id, connectionId, t.clock().now(), x.requestInfo())); // now with its body
            t.publish(x.event(t, Stage.PARSE, Phase.END, Actor.SERVER)
                    .said("capture.parsed", x.request.method().name(), x.request.uri(), x.request.protocolVersion().text(), x.request.headers().size(),
                            x.requestBody.length, x.parse.ops, x.requestBody.note())
                    .memory(t.probes().memory().read(x.parse.mark)).build());
            if (x.parse.hasPending()) summary(x, x.parse, Stage.PARSE, Actor.SERVER, "read");
            // the trailer goes with the framing: Trailer is hop-by-hop here
            ReferenceCountUtil.release(c);
            upstream.forward(new io.netty.handler.codec.http.DefaultLastHttpContent(Unpooled.EMPTY_BUFFER));
            return;
        }
        upstream.forward(c);
    }

    /** The upstream connection has taken every write so far: the client may be read again. */
    void upstreamTookAll(Captured x) {
        if (x == current && (tunnel || !x.requestDone) && ch.isActive()) ch.read();
    }

    // --- from the upstream leg: the response ---

    void relayHead(Captured x, HttpResponse in) {
        if (x != current || x.ended) return;
        int code = in.status().code();
        boolean interim = code >= 100 && code < 200;
        boolean clientOld = x.request.protocolVersion().equals(HttpVersion.HTTP_1_0);
        HttpResponse out = new DefaultHttpResponse(clientOld ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1, in.status());
        out.headers().set(in.headers());
        java.util.List<String> removed = HopByHop.strip(out.headers());
        HopByHop.via(out.headers(), in.protocolVersion());
        if (!interim) {
            x.received = in;
            x.relayed = out;
            boolean bodyless = x.head() || code == 204 || code == 304;
            if (!bodyless && !HttpUtil.isContentLengthSet(in)) {
                if (clientOld) x.keepClient = false; // an HTTP/1.0 client learns the end of the body from the close
                else HttpUtil.setTransferEncodingChunked(out, true);
            }
            if (!x.requestDone) x.keepClient = false; // an early answer: the rest of the request's body cannot be skipped safely
            if (!x.keepClient) out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            else if (clientOld) out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            x.respondBegun = true;
            x.respond.mark = t.probes().memory().allocatedMark();
            t.publish(x.event(t, Stage.RESPOND, Phase.BEGIN, Actor.SERVER)
                    .said("capture.relays", code, in.status().reasonPhrase(), HopByHop.said(removed))
                    .memory(t.probes().memory().read(x.respond.mark)).build());
        }
        write(x, out);
    }

    void relayContent(Captured x, HttpContent c) {
        if (x != current || x.ended) {
            c.release();
            return;
        }
        boolean interim = x.relayed == null;
        if (c instanceof LastHttpContent last) {
            HttpContent out = last.trailingHeaders().isEmpty() ? last : new io.netty.handler.codec.http.DefaultLastHttpContent(last.content().retain());
            if (out != last) last.release();
            if (interim) {
                write(x, out);
                return;
            }
            ch.writeAndFlush(out).addListener(f -> {
                if (f.isSuccess()) responded(x);
            });
            return;
        }
        write(x, c);
    }

    private void write(Captured x, HttpObject msg) {
        writesInFlight++;
        ch.writeAndFlush(msg).addListener(f -> {
            writesInFlight--;
            if (f.isSuccess() && writesInFlight == 0 && upstream != null) upstream.clientTookAll(x);
        });
    }

    /** The last byte of the response is in the client's kernel. */
    private void responded(Captured x) {
        if (x.ended) return;
        if (x.respond.hasPending()) summary(x, x.respond, Stage.RESPOND, Actor.SERVER, "write");
        t.publish(x.event(t, Stage.RESPOND, Phase.END, Actor.SERVER)
                .said("capture.responded", x.respond.bytes, x.respond.ops)
                .memory(t.probes().memory().read(x.respond.mark)).build());
        end(x, Outcome.COMPLETED, Phrase.of("capture.end.answeredBy", x.relayed.status().toString(), upstreamName()));
        next(x.keepClient);
    }

    private String upstreamName() {
        return upstream == null ? "Roundtrip" : upstream.target().describe();
    }

    /** The exchange is over: the next pipelined request, or the next read, or the close. */
    private void next(boolean keep) {
        current = null;
        upstream = null;
        if (!keep) {
            closeBoth(false);
            return;
        }
        while (!waiting.isEmpty() && (current == null || !current.requestDone)) handle(waiting.poll());
        if ((current == null || !current.requestDone) && ch.isActive()) ch.read();
    }

    void end(Captured x, Outcome outcome, Phrase detail) {
        if (x.ended) return;
        flushSummaries(x);
        x.ended = true;
        if (x.forwarded != null && upstream != null) {
            t.publish(new UpstreamSeen(x.id, t.clock().now(), upstream.hop(x)));
        }
        t.publish(new ExchangeEnded(x.id, t.clock().now(), outcome, x.relayedInfo(), detail));
    }

    // --- the proxy's own answers and failures ---

    /**
     * The upstream could not be reached or broke. Before the response began, the client gets {@code status}
     * with a short text; after, its connection is reset too, since a half-relayed body cannot be taken back.
     */
    void upstreamFailed(Captured x, HttpResponseStatus status, String text, Phrase detail) {
        if (x != current || x.ended) return;
        if (!x.respondBegun) {
            answer(x, status, text, detail);
            return;
        }
        flushSummaries(x);
        t.publish(x.event(t, Stage.RESPOND, Phase.ERROR, Actor.SERVER)
                .said("capture.clientResetToo", x.respond.bytes, detail)
                .kernel(t.probes().kernel(ch)).memory(t.probes().memory().read(x.respond.mark)).build());
        end(x, Outcome.FAILED, detail);
        closeBoth(true);
    }

    /**
     * Roundtrip itself answers (400, 502, 504) and closes the connection afterwards. {@code text} is the
     * body on the wire (English, as a proxy's own answer is recorded); {@code detail} is what people read.
     */
    void answer(Captured x, HttpResponseStatus status, String text, Phrase detail) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        r.headers().set("Via", "1.1 " + HopByHop.PSEUDONYM);
        x.relayed = r;
        x.received = null;
        x.keepClient = false;
        closing = true;
        x.responseBody.add(Unpooled.wrappedBuffer(body));
        x.respondBegun = true;
        x.respond.mark = t.probes().memory().allocatedMark();
        t.publish(x.event(t, Stage.RESPOND, Phase.BEGIN, Actor.SERVER).said("capture.answersItself", status.toString(), detail)
                .memory(t.probes().memory().read(x.respond.mark)).build());
        ch.writeAndFlush(r).addListener(f -> {
            if (f.isSuccess()) {
                t.publish(x.event(t, Stage.RESPOND, Phase.END, Actor.SERVER)
                        .said("capture.answerWritten", x.respond.bytes)
                        .memory(t.probes().memory().read(x.respond.mark)).build());
            }
            end(x, f.isSuccess() ? Outcome.COMPLETED : Outcome.FAILED, detail);
            closeBoth(false);
        });
    }

    /** Closes the client's connection (with RST when {@code reset}) and the upstream one. */
    void closeBoth(boolean reset) {
        closing = true;
        if (upstream != null) upstream.abandon();
        for (Object m; (m = waiting.poll()) != null; ) ReferenceCountUtil.release(m);
        if (reset && ch.isActive()) ch.config().setOption(ChannelOption.SO_LINGER, 0);
        ch.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        for (Object m; (m = waiting.poll()) != null; ) ReferenceCountUtil.release(m);
        if (tunnel && current != null) {
            tunnelClosed(current, Phrase.of("capture.why.clientClosedTunnel"));
            ctx.fireChannelInactive();
            return;
        }
        Captured x = current != null ? current : parsing;
        if (x != null && !x.ended) {
            Stage stage = x.respondBegun ? Stage.RESPOND : Stage.PARSE;
            boolean stopped = proxy.stopping();
            t.publish(x.event(t, stage, Phase.ERROR, stopped ? Actor.SERVER : Actor.FOREIGN_CLIENT)
                    .said((stopped ? "capture.stoppedBefore" : "capture.clientClosedBefore") + (x.respondBegun ? "Response" : "Request")).build());
            end(x, stopped ? Outcome.FAILED : Outcome.CANCELLED, Phrase.of(stopped ? "capture.end.stoppedBeforeAnswer" : "capture.end.clientLeft"));
            if (upstream != null) upstream.abandon();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // channelInactive tells the exchange
    }

    Channel channel() {
        return ch;
    }

    // --- a CONNECT tunnel ---

    /** The server end is connected: 200 to the client, then the codec leaves and bytes flow both ways unread. */
    void tunnelOpen(Captured x) {
        HttpResponse ok = new io.netty.handler.codec.http.DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                new HttpResponseStatus(200, "Connection Established"));
        ok.headers().set("Via", "1.1 " + HopByHop.PSEUDONYM);
        x.relayed = ok;
        x.respondBegun = true;
        x.respond.mark = t.probes().memory().allocatedMark();
        t.publish(x.event(t, Stage.RESPOND, Phase.BEGIN, Actor.SERVER).said("capture.tunnelOpen").build());
        ch.writeAndFlush(ok).addListener(f -> {
            if (!f.isSuccess()) return; // channelInactive ends it
            // the codec hands on any bytes it read after CONNECT (an eager ClientHello) as they are
            tunnel = true;
            ch.pipeline().remove("codec");
            ch.read();
            upstream.channel().read();
        });
    }

    /** Tunnel bytes from the server, written unread; the server is read again once these are in the client's kernel. */
    void relayTunnel(Captured x, ByteBuf buf) {
        ch.writeAndFlush(buf).addListener(f -> {
            if (f.isSuccess()) upstream.clientTookAll(x);
        });
    }

    /** Either end of the tunnel closed: the other end closes too, and the exchange ends with what passed. */
    void tunnelClosed(Captured x, Phrase why) {
        if (x.ended) return;
        Phrase totals = upstream.tunnelTotals();
        upstream.endTunnel();
        if (x.respond.hasPending()) summary(x, x.respond, Stage.RESPOND, Actor.SERVER, "write");
        t.publish(x.event(t, Stage.RESPOND, Phase.END, Actor.SERVER).said("capture.tunnelWritten", x.respond.bytes).build());
        end(x, Outcome.COMPLETED, Phrase.of("capture.end.tunnelClosed", why, totals));
        closeBoth(false);
    }

    /** What makes a request one the proxy will not forward; null when none. */
    private Phrase problem(HttpRequest req) {
        if (req.decoderResult().isFailure()) return UpstreamLeg.describe(req.decoderResult().cause());
        HttpVersion v = req.protocolVersion();
        if (!v.equals(HttpVersion.HTTP_1_1) && !v.equals(HttpVersion.HTTP_1_0)) return Phrase.of("capture.refusal.version", v.text());
        if (v.equals(HttpVersion.HTTP_1_1) && req.headers().getAll(HttpHeaderNames.HOST).size() != 1) {
            return Phrase.of("capture.refusal.host");
        }
        String uri = req.uri();
        boolean connect = req.method().name().equals("CONNECT");
        if (connect && !proxy.options().isForward()) return Phrase.of("capture.refusal.connectReverse", proxy.options().target().describe());
        if (!connect && !uri.startsWith("/") && !uri.equals("*") && !uri.regionMatches(true, 0, "http://", 0, 7)) {
            return Phrase.of("capture.refusal.target", dev.roundtrip.text.Printable.escape(uri));
        }
        return null;
    }

    /** A forward proxy's target: the authority of CONNECT, or the host of an absolute URL (which becomes a path upstream). */
    private Target forwardTarget(Captured x, HttpRequest req) {
        String uri = req.uri();
        try {
            Target target;
            if (req.method().name().equals("CONNECT")) {
                int colon = uri.lastIndexOf(':');
                int port = colon <= 0 ? -1 : portOf(uri.substring(colon + 1));
                if (port < 0) return refused(x, HttpResponseStatus.BAD_REQUEST, Phrase.of("capture.refusal.connectHostPort", dev.roundtrip.text.Printable.escape(uri)));
                target = Target.of(uri.substring(0, colon), port);
            } else {
                if (uri.startsWith("/")) return refused(x, HttpResponseStatus.BAD_REQUEST, Phrase.of("capture.refusal.onlyPath", dev.roundtrip.text.Printable.escape(uri)));
                URI u = new URI(uri);
                target = Target.of(u.getHost(), u.getPort() < 0 ? 80 : u.getPort());
                String path = (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath()) + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
                x.originForm = path;
                x.authority = u.getRawAuthority();
            }
            if (!target.isLoopback() && !proxy.options().remoteTargets()) {
                return refused(x, HttpResponseStatus.FORBIDDEN, Phrase.of("capture.refusal.remote", dev.roundtrip.text.Printable.escape(target.host()), target.describe()));
            }
            return target;
        } catch (Target.Unresolved e) {
            // Browsers behind the proxy ask for update and account servers on their own; where names do not
            // resolve that is the network's failure, answered as a gateway's, not the client's mistake
            return refused(x, HttpResponseStatus.BAD_GATEWAY, Phrase.of("capture.refusal.unresolved", dev.roundtrip.text.Printable.escape(e.host())));
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            // the JDK's own words: a port out of range, a URL it cannot read
            return refused(x, HttpResponseStatus.BAD_REQUEST, Phrase.of("capture.refusal.asWritten", dev.roundtrip.text.Printable.escape(String.valueOf(e.getMessage()))));
        }
    }

    /** The port of CONNECT's host:port, or -1 when it is no number of 0..65535. */
    private static int portOf(String digits) {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) return -1;
        int port = Integer.parseInt(digits);
        return port <= 65535 ? port : -1;
    }

    /** Refuses the request (see {@link #refuse}); null, so that a caller returns no target. */
    private Target refused(Captured x, HttpResponseStatus status, Phrase why) {
        refuse(x, status, why);
        return null;
    }

    private void refuse(Captured x, HttpResponseStatus status, Phrase why) {
        ReferenceCountUtil.release(x.request);
        x.requestDone = true;
        parsing = null;
        t.publish(new ExchangeStarted(x.id, connectionId, t.clock().now(), x.requestInfo()));
        t.publish(x.event(t, Stage.PARSE, Phase.ERROR, Actor.SERVER).said("capture.notForwarded", why)
                .memory(t.probes().memory().read(x.parse.mark)).build());
        answer(x, status, status.reasonPhrase() + ": " + why.english() + "\n", Phrase.of("capture.end.answeredNotForwarded", status.code()));
    }

    /** The request as the foreign server gets it: hop-by-hop fields removed, Via added, one exchange per connection. */
    private static HttpRequest forwardedHead(Captured x, HttpRequest req) {
        HttpRequest out = new DefaultHttpRequest(HttpVersion.HTTP_1_1, req.method(), x.originForm != null ? x.originForm : req.uri());
        out.headers().set(req.headers());
        x.removedFromRequest = HopByHop.strip(out.headers());
        if (x.authority != null) out.headers().set(HttpHeaderNames.HOST, x.authority); // RFC 9112 3.2.2: the URL's authority wins
        HopByHop.via(out.headers(), req.protocolVersion());
        if (HttpUtil.isTransferEncodingChunked(req)) HttpUtil.setTransferEncodingChunked(out, true);
        out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE); // one upstream connection per exchange
        return out;
    }
}
