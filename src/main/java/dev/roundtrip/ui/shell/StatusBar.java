package dev.roundtrip.ui.shell;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * The window's bottom bar: its three children are a status, a separator and the latest message. The
 * status takes the width it needs up to {@link #STATUS_SHARE} of the bar and wraps beyond it; the
 * message has the rest and wraps. Neither is squeezed into a column, as an HBox did to the message
 * beside a replay's long status in German at 1024 px.
 */
public final class StatusBar extends Pane {
    static final double STATUS_SHARE = 0.4;
    private static final double GAP = 16;

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    /** The status's, the separator's and the message's widths at this bar width. */
    private double[] widths(double width) {
        Insets in = getInsets();
        double sep = child(1).prefWidth(-1);
        double inner = Math.max(0, width - in.getLeft() - in.getRight() - 2 * GAP - sep);
        double status = Math.min(child(0).prefWidth(-1), inner * STATUS_SHARE);
        return new double[] {status, sep, inner - status};
    }

    private Node child(int i) {
        return getChildren().get(i);
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + child(0).prefWidth(-1) + GAP + child(1).prefWidth(-1) + GAP + child(2).prefWidth(-1) + in.getRight();
    }

    @Override
    protected double computeMinWidth(double height) {
        return getInsets().getLeft() + getInsets().getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        double[] w = widths(width < 0 ? computePrefWidth(-1) : width);
        return getInsets().getTop() + Math.max(child(0).prefHeight(w[0]), child(2).prefHeight(w[2])) + getInsets().getBottom();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double[] w = widths(getWidth());
        double h = getHeight() - in.getTop() - in.getBottom();
        double x = in.getLeft();
        for (int i = 0; i < 3; i++) {
            double nh = i == 1 ? h : Math.min(h, child(i).prefHeight(w[i]));
            child(i).resizeRelocate(snapPositionX(x), snapPositionY(in.getTop() + (h - nh) / 2), snapSizeX(w[i]), snapSizeY(nh));
            x += w[i] + GAP;
        }
    }
}
