package dev.wengert.ad;

/** An array argument has the wrong length for the function or recording it is given to. */
public final class DimensionMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception; the message names the array and both lengths.
     *
     * @param what the operation and the array, e.g. {@code "gradient: g"}
     * @param actual the length given
     * @param expected the length required
     */
    public DimensionMismatchException(String what, int actual, int expected) {
        super(what + " has length " + actual + " but " + expected + " is required");
    }

    /**
     * A mismatch the two-length form cannot say (a minimum length, say), in a message of its own.
     *
     * @param message what went wrong, naming the value and the fix
     */
    public DimensionMismatchException(String message) {
        super(message);
    }
}
