package dev.roundtrip.ui.shell;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * The window's bottom bar: its three children are a status, a separator and the latest message, both
 * texts wrapping. The width is split where the taller of the two is lowest (the status between
 * {@link #LEAST} and {@link #MOST} of the bar, or its whole width if that is less), so a short status
 * stays on one line and a replay's long one in German at 1024 px does not squeeze the message into a
 * column, as an HBox did.
 */
public final class StatusBar extends Pane {
    static final double LEAST = 0.3;
    static final double MOST = 0.6;
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
        double whole = Math.min(child(0).prefWidth(-1), inner * MOST);
        double best = whole;
        double lowest = height(best, inner - best);
        for (double share = MOST; share >= LEAST - 1e-9; share -= 0.05) {
            double status = Math.min(whole, inner * share);
            double h = height(status, inner - status);
            if (h < lowest - 0.5) {
                best = status;
                lowest = h;
            }
        }
        return new double[] {best, sep, inner - best};
    }

    private double height(double status, double message) {
        return Math.max(child(0).prefHeight(status), child(2).prefHeight(message));
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
        return getInsets().getTop() + height(w[0], w[2]) + getInsets().getBottom();
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
