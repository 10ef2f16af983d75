package dev.wengert.ad;

/**
 * A NaN or infinity entered an input or appeared inside a sweep. The message names the opcode and
 * its position on the tape (for example {@code "gradient: derivative d/dx = Infinity at sqrt (tape
 * position 7) of 0.0"}), so the offending operation of {@code f} can be found.
 */
public final class NonFiniteException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and how to fix it
     */
    public NonFiniteException(String message) {
        super(message);
    }
}
