package dev.wengert.ad.optim;

/**
 * Thrown when the objective returns NaN or an infinity at a point an optimiser asked about: the
 * run cannot continue from there. The message names the quantity, the iteration and the point.
 */
public final class NonFiniteObjectiveException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    NonFiniteObjectiveException(String message) {
        super(message);
    }
}
