package dev.roundtrip.cli;

import dev.roundtrip.text.Texts;

/** The command line's printed texts ({@code Texts.properties}); its usage help is {@code Help.properties}. */
final class CliTexts {
    static final Texts.Bundle T = Texts.of("dev.roundtrip.cli.Texts");

    private CliTexts() {}
}
