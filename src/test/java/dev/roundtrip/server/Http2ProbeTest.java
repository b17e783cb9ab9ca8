package dev.roundtrip.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roundtrip.client.ExchangeHandle;
import dev.roundtrip.client.RequestSpec;
import dev.roundtrip.client.RoundtripClient;
import dev.roundtrip.gate.GateMode;
import dev.roundtrip.gate.Gates;
import dev.roundtrip.record.Recording;
import dev.roundtrip.trace.ConnectionDirectory;
import dev.roundtrip.trace.Exchange;
import dev.roundtrip.trace.GateEvent;
import dev.roundtrip.trace.Ids;
import dev.roundtrip.trace.KernelReadout;
import dev.roundtrip.trace.Outcome;
import dev.roundtrip.trace.Stage;
import dev.roundtrip.trace.TraceBus;
import dev.roundtrip.wire.Probes;
import dev.roundtrip.wire.Tracing;
import dev.roundtrip.wire.Transport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An exchange held on an HTTP/2 stream is probed on its connection (the stream's parent channel), as an HTTP/1.1
 * exchange is on its own, and its holds carry that connection's TCP state.
 */
class Http2ProbeTest {
    private TraceBus bus;
    private Recording recording;
    private final Gates gates = new Gates();
    private Probes probes;
    private RoundtripServer server;
    private RoundtripClient client;

    @BeforeEach
    void start() throws Exception {
        bus = new TraceBus();
        recording = new Recording(bus.clock().startedAt());
        bus.subscribe(recording);
        probes = new Probes();
        Tracing t = new Tracing(bus, gates, new Ids(), new ConnectionDirectory(), probes);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        server = RoundtripServer.start(t, new ServerSettings(), loopback, 0);
        client = new RoundtripClient(t, new InetSocketAddress(loopback, server.port()));
        gates.setMode(GateMode.BREAKPOINTS);
        gates.setBreakpoint(Stage.SEND, true);
        gates.setBreakpoint(Stage.PROCESS, true);
    }

    @AfterEach
    void stop() {
        gates.releaseAll();
        if (client != null) client.close();
        if (server != null) server.close();
        if (bus != null) bus.close();
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(5);
        }
        return condition.getAsBoolean();
    }

    private void awaitHeld(long id, Stage stage) throws InterruptedException {
        assertThat(eventually(() -> gates.heldStage(id).equals(Optional.of(stage)))).as("held before " + stage).isTrue();
    }

    private GateEvent held(long id, Stage stage) throws InterruptedException {
        bus.awaitDelivered(Duration.ofSeconds(5));
        Exchange x = recording.exchange(id).orElseThrow();
        return x.gateEvents().stream().filter(g -> g.stage() == stage && g.kind() == GateEvent.Kind.HELD).findFirst().orElseThrow();
    }

    @Test
    void aStreamHeldOnTheServerIsProbedOnItsConnectionUntilTheServerIsDoneWithIt() throws Exception {
        ExchangeHandle first = client.sendHttp2(RequestSpec.get("/users/1"));
        long id = first.exchangeId();
        assertThat(server.kernelReadout(id)).as("not on the server yet").isEmpty();
        awaitHeld(id, Stage.SEND);
        gates.release(id);
        awaitHeld(id, Stage.PROCESS);

        Optional<KernelReadout> k = server.kernelReadout(id);
        assertThat(k).as("the server finds the stream's connection").isPresent();
        if (new dev.roundtrip.probe.KernelProbe().available()) {
            // read at once (autoRead, one connection for many streams): the request is out of the server kernel
            assertThat(k.get().queuesAvailable()).isTrue();
            assertThat(k.get().rxQueue()).isZero();
        }
        assertThat(server.kernelReadout(id + 1000)).isEmpty();

        // a second stream on the same connection is found too, while the first still waits
        ExchangeHandle second = client.sendHttp2(RequestSpec.get("/users/2"));
        awaitHeld(second.exchangeId(), Stage.SEND);
        gates.release(second.exchangeId());
        awaitHeld(second.exchangeId(), Stage.PROCESS);
        assertThat(server.kernelReadout(second.exchangeId())).isPresent();

        gates.releaseAll();
        assertThat(first.result().get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(second.result().get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(eventually(() -> server.kernelReadout(id).isEmpty())).as("answered: nothing left to probe on the server").isTrue();
        assertThat(eventually(() -> server.kernelReadout(second.exchangeId()).isEmpty())).isTrue();
    }

    @Test
    void holdsOfAStreamCarryItsConnectionsTcpStateOnBothSides() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(probes.transport() == Transport.EPOLL, "TCP_INFO is read through epoll");
        ExchangeHandle h = client.sendHttp2(RequestSpec.get("/users/1"));
        long id = h.exchangeId();
        awaitHeld(id, Stage.SEND);
        gates.release(id);
        awaitHeld(id, Stage.PROCESS);
        GateEvent send = held(id, Stage.SEND);
        GateEvent process = held(id, Stage.PROCESS);
        gates.releaseAll();
        assertThat(h.result().get(10, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.COMPLETED);

        // before send the connection may still be opening; once the server holds the stream it is established
        assertThat(send.tcp()).as("client's hold before send").isNotNull();
        assertThat(process.tcp()).as("server's hold before process").isNotNull();
        assertThat(process.tcp().state()).isEqualTo("ESTABLISHED");
        assertThat(process.tcp().mss()).isPositive();
        assertThat(process.kernel()).isNotNull();
    }
}
