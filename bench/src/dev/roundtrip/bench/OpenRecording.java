package dev.roundtrip.bench;

final class OpenRecording {
    private OpenRecording() {}

    static void main() throws Exception {
        System.out.println("not yet");
    }
}
