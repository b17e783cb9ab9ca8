package dev.roundtrip.lesson;

import dev.roundtrip.trace.Phrase;

/** An action could not be carried out (the engine did not answer in time, a send failed); its message is English, {@link #getLocalizedMessage()} in the language in use. */
public final class LessonRunException extends Exception {
    private final transient Phrase said;

    public LessonRunException(String message) {
        this(message, (Throwable) null);
    }

    public LessonRunException(String message, Throwable cause) {
        super(message, cause);
        this.said = null;
    }

    LessonRunException(Phrase said) {
        this(said, null);
    }

    LessonRunException(Phrase said, Throwable cause) {
        super(said.english(), cause);
        this.said = said;
    }

    /** What went wrong as a phrase: the action's own, or the message as it was given. */
    public Phrase said() {
        return said != null ? said : Phrase.of("lesson.asWritten", String.valueOf(getMessage()));
    }

    @Override
    public String getLocalizedMessage() {
        return said == null ? getMessage() : said.inUse();
    }
}
