package dev.wengert.ad.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints catalogue formulas as Java expressions over {@code double} variables, with only the
 * parentheses Java needs: how the tape's rules are written from the catalogue.
 */
public final class JavaExpressionAlgebra implements Algebra<JavaExpressionAlgebra.Expr> {

    private static final int CONDITIONAL = 0;
    private static final int ADDITIVE = 1;
    private static final int MULTIPLICATIVE = 2;
    private static final int UNARY = 3;
    private static final int PRIMARY = 4;

    /** An expression and the precedence of its outermost operator. */
    public record Expr(String text, int precedence) {
        String at(int level) {
            return precedence >= level ? text : "(" + text + ")";
        }
    }

    /** A variable of the printed method ({@code x}, {@code y}, {@code c}, {@code f}). */
    public static Expr variable(String name) {
        return new Expr(name, PRIMARY);
    }

    @Override
    public Expr constant(double c) {
        String text = Double.toString(c);
        return new Expr(text, c < 0 || text.startsWith("-") ? UNARY : PRIMARY);
    }

    @Override
    public Expr add(Expr a, Expr b) {
        return new Expr(a.at(ADDITIVE) + " + " + b.at(MULTIPLICATIVE), ADDITIVE);
    }

    @Override
    public Expr sub(Expr a, Expr b) {
        return new Expr(a.at(ADDITIVE) + " - " + b.at(MULTIPLICATIVE), ADDITIVE);
    }

    @Override
    public Expr mul(Expr a, Expr b) {
        return new Expr(a.at(MULTIPLICATIVE) + " * " + b.at(UNARY), MULTIPLICATIVE);
    }

    @Override
    public Expr div(Expr a, Expr b) {
        return new Expr(a.at(MULTIPLICATIVE) + " / " + b.at(UNARY), MULTIPLICATIVE);
    }

    @Override
    public Expr neg(Expr a) {
        String inner = a.at(UNARY);
        return new Expr("-" + (inner.startsWith("-") ? "(" + inner + ")" : inner), UNARY);
    }

    @Override
    public Expr apply(ElementaryFunction f, List<Expr> args) {
        if (f.javaName() == null) {
            return f.value(this, args);
        }
        return new Expr("Math." + f.javaName() + "(" + args.stream().map(Expr::text).collect(Collectors.joining(", "))
                + ")", PRIMARY);
    }

    @Override
    public Expr ifEqual(Expr a, Expr b, Expr then, Expr otherwise) {
        return conditional(a.at(ADDITIVE) + " == " + b.at(ADDITIVE), then, otherwise);
    }

    @Override
    public Expr ifLessOrEqual(Expr a, Expr b, Expr then, Expr otherwise) {
        return conditional(a.at(ADDITIVE) + " <= " + b.at(ADDITIVE), then, otherwise);
    }

    private static Expr conditional(String condition, Expr then, Expr otherwise) {
        return new Expr(condition + " ? " + then.at(ADDITIVE) + " : " + otherwise.at(CONDITIONAL), CONDITIONAL);
    }
}
