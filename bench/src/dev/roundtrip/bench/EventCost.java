package dev.roundtrip.bench;

final class EventCost {
    private EventCost() {}

    static void main() throws Exception {
        System.out.println("not yet");
    }
}
