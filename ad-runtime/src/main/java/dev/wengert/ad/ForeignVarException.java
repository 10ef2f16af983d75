package dev.wengert.ad;

/**
 * A {@link Var} recorded on one tape was combined with a {@code Var} of another tape. Each
 * recording is its own Wengert list; values cannot flow between them. Record the whole function on
 * one tape, or pass the value in as a constant.
 */
public final class ForeignVarException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and how to fix it
     */
    public ForeignVarException(String message) {
        super(message);
    }
}
