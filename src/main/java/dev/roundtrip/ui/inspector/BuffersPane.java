package dev.roundtrip.ui.inspector;

import dev.roundtrip.ui.util.Language;
import dev.roundtrip.ui.util.OnDemandTooltip;
import dev.roundtrip.text.Units;
import dev.roundtrip.trace.BufferReadout;
import dev.roundtrip.trace.KernelReadout;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Buffers tab: the ByteBuf's reader and writer indexes, the socket queues against their limits. */
public final class BuffersPane extends VBox {
    private final CapacityBar byteBuf = new CapacityBar("bytebuf-bar", "buffers.bytebuf");
    private final CapacityBar rx = new CapacityBar("kernel-rx-bar", "buffers.rx");
    private final CapacityBar tx = new CapacityBar("kernel-tx-bar", "buffers.tx");
    private final Label bufferCaption = new Label();
    private final Label kernelCaption = new Label();
    private final Label tcpTitle = new Label();
    private final Label tcpCaption = new Label();
    /** The connection's TCP figures, one a line: they wrap in a narrow inspector instead of ending in "…". */
    private final javafx.scene.layout.FlowPane tcpFigures = new javafx.scene.layout.FlowPane(24, 2);

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
        Button probeButton = new Button(null, new FontIcon("mdi2r-refresh"));
        Language.bind(probeButton.textProperty(), InspectorViewModel.T, "buffers.probe");
        probeButton.setId("probe-button");
        OnDemandTooltip.install(probeButton, () -> InspectorViewModel.T.get("buffers.probe.tooltip"));
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
        tcpTitle.getStyleClass().add("bar-title");
        tcpTitle.setId("tcp-title");
        Language.bind(tcpTitle.textProperty(), InspectorViewModel.T, "tcp.title");
        tcpCaption.getStyleClass().add("inspector-caption");
        tcpCaption.setId("tcp-caption");
        dev.roundtrip.ui.util.WholeText.of(tcpCaption);
        tcpCaption.textProperty().bind(vm.tcpCaptionProperty());
        tcpFigures.setId("tcp-figures");
        getChildren().addAll(kernelHead, kernel, bufferCaption, byteBuf, tcpTitle, tcpCaption, tcpFigures, frames(vm));
        vm.bufferProperty().addListener((o, a, b) -> showBuffer(b));
        vm.kernelProperty().addListener((o, a, b) -> showKernel(b));
        vm.tcpProperty().addListener((o, a, b) -> showTcp(b));
        showBuffer(vm.bufferProperty().get());
        showKernel(vm.kernelProperty().get());
        showTcp(vm.tcpProperty().get());
        relabel = o -> {
            showBuffer(vm.bufferProperty().get());
            showKernel(vm.kernelProperty().get());
            showTcp(vm.tcpProperty().get());
        };
        Language.localeProperty().addListener(new javafx.beans.WeakInvalidationListener(relabel));
    }

    /** An h2 exchange's frames up to the moment on screen, and its connection's flow-control windows; hidden for HTTP/1.1. */
    private static VBox frames(InspectorViewModel vm) {
        Label title = new Label();
        title.getStyleClass().add("bar-title");
        title.setId("frames-title");
        Language.bind(title.textProperty(), InspectorViewModel.T, "frames.title");
        Label caption = new Label();
        caption.getStyleClass().add("inspector-caption");
        caption.setId("frames-caption");
        dev.roundtrip.ui.util.WholeText.of(caption);
        caption.textProperty().bind(vm.framesCaptionProperty());
        Label windows = new Label();
        windows.getStyleClass().add("inspector-caption");
        windows.setId("frames-windows");
        dev.roundtrip.ui.util.WholeText.of(windows);
        windows.textProperty().bind(vm.windowsCaptionProperty());
        VBox lines = new VBox(2);
        lines.setId("frames-list");
        Runnable render = () -> {
            lines.getChildren().setAll(vm.frames().stream().map(f -> {
                Label l = new Label(f.text());
                l.getStyleClass().addAll("frame-line", f.fromClient() ? "frame-from-client" : "frame-from-server");
                dev.roundtrip.ui.util.WholeText.of(l);
                return l;
            }).toList());
            if (lines.getChildren().isEmpty()) {
                Label none = new Label(InspectorViewModel.T.get("frames.none"));
                none.getStyleClass().add("muted");
                lines.getChildren().add(none);
            }
        };
        vm.frames().addListener((javafx.collections.ListChangeListener<InspectorViewModel.FrameRow>) c -> render.run());
        render.run();
        VBox box = new VBox(6, title, windows, caption, lines);
        box.setId("frames-section");
        dev.roundtrip.ui.util.Shown.set(box, vm.http2Property().get());
        vm.http2Property().addListener((o, was, on) -> dev.roundtrip.ui.util.Shown.set(box, on));
        return box;
    }

    /** The figures are written again in the new language at a switch. */
    private final javafx.beans.InvalidationListener relabel;

    private void showBuffer(BufferReadout b) {
        if (b == null) {
            byteBuf.unavailable(InspectorViewModel.T.get("buffers.noByteBuf"));
            return;
        }
        byteBuf.show(b.capacity(), b.readerIndex(), b.writerIndex(),
                InspectorViewModel.T.get("buffers.indexes", String.valueOf(b.readerIndex()), String.valueOf(b.writerIndex()),
                        Units.bytes(b.readable()), Units.bytes(b.capacity())));
    }

    private void showKernel(KernelReadout k) {
        if (k == null) {
            rx.unavailable(InspectorViewModel.T.get("buffers.noKernel"));
            tx.unavailable(InspectorViewModel.T.get("buffers.noKernel"));
            return;
        }
        if (k.rxQueue() == null) rx.unavailable(InspectorViewModel.missingText(k));
        else rx.show(limit(k.rcvBuf(), k.rxQueue()), 0, k.rxQueue(), queueText("buffers.rxQueue", k.rxQueue(), "SO_RCVBUF", k.rcvBuf()));
        if (k.txQueue() == null) tx.unavailable(InspectorViewModel.missingText(k));
        else tx.show(limit(k.sndBuf(), k.txQueue()), 0, k.txQueue(), queueText("buffers.txQueue", k.txQueue(), "SO_SNDBUF", k.sndBuf()));
    }

    private void showTcp(dev.roundtrip.trace.TcpReadout c) {
        tcpFigures.getChildren().setAll(InspectorViewModel.tcpLines(c).stream().map(text -> {
            Label l = new Label(text);
            l.getStyleClass().add("tcp-figure");
            dev.roundtrip.ui.util.WholeText.of(l);
            return l;
        }).toList());
    }

    private static double limit(Integer buf, long queued) {
        return buf == null ? Math.max(1, queued) : buf;
    }

    private static String queueText(String what, long queued, String limitName, Integer limit) {
        return InspectorViewModel.T.get(what, String.valueOf(queued)) + "  ·  " + limitName + " "
                + (limit == null ? InspectorViewModel.T.get("notAvailable") : Units.bytes(limit));
    }
}
