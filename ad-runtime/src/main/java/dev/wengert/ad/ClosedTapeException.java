package dev.wengert.ad;

/**
 * A {@link Var} was used after its tape was finished into a {@link Recording}. A finished tape is
 * immutable; evaluate the recording at new points instead of extending the tape.
 */
public final class ClosedTapeException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and how to fix it
     */
    public ClosedTapeException(String message) {
        super(message);
    }
}
