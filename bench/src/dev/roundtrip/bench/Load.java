package dev.roundtrip.bench;

final class Load {
    private Load() {}

    static void main() throws Exception {
        System.out.println("not yet");
    }
}
