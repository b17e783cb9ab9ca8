package dev.roundtrip.ui.inspector;

import dev.roundtrip.text.Units;
import dev.roundtrip.trace.BufferReadout;
import dev.roundtrip.trace.KernelReadout;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Buffers tab: the ByteBuf's reader and writer indexes, the socket queues against their limits. */
public final class BuffersPane extends VBox {
    private final CapacityBar byteBuf = new CapacityBar("bytebuf-bar", "Netty ByteBuf (application memory)");
    private final CapacityBar rx = new CapacityBar("kernel-rx-bar", "Kernel receive queue (bytes arrived, not yet read)");
    private final CapacityBar tx = new CapacityBar("kernel-tx-bar", "Kernel send queue (bytes written, not yet acknowledged)");
    private final Label bufferCaption = new Label();
    private final Label kernelCaption = new Label();

    public BuffersPane(InspectorViewModel vm, Runnable probe) {
        setId("buffers-pane");
        getStyleClass().add("inspector-pane");
        setSpacing(8);
        setPadding(new Insets(8, 12, 8, 12));
        bufferCaption.getStyleClass().add("inspector-caption");
        kernelCaption.getStyleClass().add("inspector-caption");
        bufferCaption.setId("buffer-caption");
        kernelCaption.setId("kernel-caption");
        dev.roundtrip.ui.util.WholeText.of(bufferCaption);
        dev.roundtrip.ui.util.WholeText.of(kernelCaption);
        bufferCaption.textProperty().bind(vm.bufferCaptionProperty());
        kernelCaption.textProperty().bind(vm.kernelCaptionProperty());
        Button probeButton = new Button("Probe now", new FontIcon("mdi2r-refresh"));
        probeButton.setId("probe-button");
        probeButton.setTooltip(new Tooltip("Read this exchange's socket queues again from the kernel (P)"));
        probeButton.setOnAction(e -> probe.run());
        HBox kernelHead = new HBox(12, kernelCaption, probeButton);
        kernelHead.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox kernel = new HBox(24, rx, tx);
        HBox.setHgrow(rx, Priority.ALWAYS);
        HBox.setHgrow(tx, Priority.ALWAYS);
        rx.setMaxWidth(Double.MAX_VALUE);
        tx.setMaxWidth(Double.MAX_VALUE);
        // the kernel queues first: held at a gate they are what the class looks at, and they must not
        // fall below the fold of a short inspector
        getChildren().addAll(kernelHead, kernel, bufferCaption, byteBuf);
        vm.bufferProperty().addListener((o, a, b) -> showBuffer(b));
        vm.kernelProperty().addListener((o, a, b) -> showKernel(b));
        showBuffer(vm.bufferProperty().get());
        showKernel(vm.kernelProperty().get());
    }

    private void showBuffer(BufferReadout b) {
        if (b == null) {
            byteBuf.unavailable("no ByteBuf at this point");
            return;
        }
        byteBuf.show(b.capacity(), b.readerIndex(), b.writerIndex(),
                "reader index " + b.readerIndex() + "  ·  writer index " + b.writerIndex() + "  ·  readable "
                        + Units.bytes(b.readable()) + "  ·  capacity " + Units.bytes(b.capacity()));
    }

    private void showKernel(KernelReadout k) {
        if (k == null) {
            rx.unavailable("no kernel readout at this point");
            tx.unavailable("no kernel readout at this point");
            return;
        }
        if (k.rxQueue() == null) rx.unavailable(InspectorViewModel.missingText(k));
        else rx.show(limit(k.rcvBuf(), k.rxQueue()), 0, k.rxQueue(), queueText("rx queue", k.rxQueue(), "SO_RCVBUF", k.rcvBuf()));
        if (k.txQueue() == null) tx.unavailable(InspectorViewModel.missingText(k));
        else tx.show(limit(k.sndBuf(), k.txQueue()), 0, k.txQueue(), queueText("tx queue", k.txQueue(), "SO_SNDBUF", k.sndBuf()));
    }

    private static double limit(Integer buf, long queued) {
        return buf == null ? Math.max(1, queued) : buf;
    }

    private static String queueText(String what, long queued, String limitName, Integer limit) {
        return what + " " + queued + " B  ·  " + limitName + " " + (limit == null ? "not available" : Units.bytes(limit));
    }
}
