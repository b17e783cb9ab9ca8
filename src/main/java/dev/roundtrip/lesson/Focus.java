package dev.roundtrip.lesson;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the UI highlights during a step: a lifeline, a stage or a readout panel. A fixed vocabulary
 * so the lesson panel can map each name to a node of the diagram or inspector.
 */
public enum Focus {
    LIFELINE_CLIENT("lifeline.client", "the Client lifeline"),
    LIFELINE_CLIENT_KERNEL("lifeline.client-kernel", "the Client kernel lifeline"),
    LIFELINE_SERVER_KERNEL("lifeline.server-kernel", "the Server kernel lifeline"),
    LIFELINE_SERVER("lifeline.server", "the Server lifeline"),
    LIFELINE_DATABASE("lifeline.database", "the Database lifeline"),
    STAGE_SEND("stage.send", "the send arrow (client writes the request)"),
    STAGE_PARSE("stage.parse", "the parse activation (server reads and decodes the request)"),
    STAGE_PROCESS("stage.process", "the process activation (the handler, with its SQL calls)"),
    STAGE_RESPOND("stage.respond", "the respond arrow (server writes the response)"),
    STAGE_INTERPRET("stage.interpret", "the interpret activation (client reads and decides)"),
    READOUT_BYTES("readout.bytes", "the Bytes tab: hex and text of what crossed the wire"),
    READOUT_BUFFERS("readout.buffers", "the Buffers tab: ByteBuf positions and kernel queues"),
    READOUT_KERNEL("readout.kernel", "the kernel queue bars (rx/tx queue against SO_RCVBUF/SO_SNDBUF)"),
    READOUT_MEMORY("readout.memory", "the Memory tab: heap, direct buffers, bytes allocated"),
    READOUT_TIMING("readout.timing", "the Timing tab: the waterfall of the five stages"),
    READOUT_SQL("readout.sql", "the SQL calls of the process stage"),
    READOUT_STATUS("readout.status", "the response status in the exchange list"),
    EXCHANGE_LIST("exchange-list", "the list of exchanges (one row per request)"),
    QUEUE_DIAGRAM("queue.diagram", "the queue diagram: producer, queue, consumers"),
    EXPERIMENT_NAGLE("experiment.nagle", "the 40 ms experiment's two measurements");

    private final String wireName;
    private final String description;

    Focus(String wireName, String description) {
        this.wireName = wireName;
        this.description = description;
    }

    public String wireName() {
        return wireName;
    }

    public String description() {
        return description;
    }

    public static Optional<Focus> fromWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(Focus::wireName).toList();
    }
}
