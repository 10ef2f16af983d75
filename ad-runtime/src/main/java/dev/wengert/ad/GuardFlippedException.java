package dev.wengert.ad;

/**
 * A low-level {@link Recording} was evaluated at a point where a comparison recorded as a guard
 * has the other outcome, so {@code f} would take a different branch there and the recorded
 * operations are not f. Nothing is computed for the wrong branch. Record again at the new point,
 * or use {@link RecordedFunction} (from {@link Derivatives#record}), which does that itself.
 */
public final class GuardFlippedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and how to fix it
     */
    public GuardFlippedException(String message) {
        super(message);
    }
}
