package dev.wengert.ad;

/**
 * A thread other than the one that created a {@link Tape} tried to record on it. Recording is
 * single-threaded by design (the tape is an append-only list); record on one thread, then share
 * the finished {@link Recording}, which any number of threads may evaluate at once.
 */
public final class ConcurrentRecordingException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and how to fix it
     */
    public ConcurrentRecordingException(String message) {
        super(message);
    }
}
