package dev.roundtrip.bench;

final class FrameCost {
    private FrameCost() {}

    static void main() throws Exception {
        System.out.println("not yet");
    }
}
