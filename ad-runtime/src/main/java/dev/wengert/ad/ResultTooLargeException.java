package dev.wengert.ad;

/**
 * A dense result (an n x n Hessian, an m x n Jacobian) or a tape has more entries than a Java
 * array can hold, or needs more memory than this JVM may ever have. Thrown before anything is
 * allocated; the message names the size, the bytes it would need and what to use instead.
 */
public final class ResultTooLargeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the size asked for, the bytes it needs and what to use instead
     */
    public ResultTooLargeException(String message) {
        super(message);
    }
}
