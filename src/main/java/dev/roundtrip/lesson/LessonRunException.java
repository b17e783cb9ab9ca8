package dev.roundtrip.lesson;

/** An action could not be carried out (the engine did not answer in time, a send failed). */
public final class LessonRunException extends Exception {
    public LessonRunException(String message) {
        super(message);
    }

    public LessonRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
