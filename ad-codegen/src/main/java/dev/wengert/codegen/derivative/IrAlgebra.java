package dev.wengert.codegen.derivative;

import dev.wengert.ad.rules.Algebra;
import dev.wengert.ad.rules.ElementaryFunction;
import dev.wengert.codegen.ir.Builder;
import dev.wengert.codegen.ir.Op;
import dev.wengert.codegen.ir.Value;
import java.util.List;

/**
 * The catalogue's formulas built as IR values of the program being generated: the processor's
 * interpretation of {@link ElementaryFunction}'s partials (the tape's is the same formulas printed as
 * Java). Every value goes through the builder, so formulas fold, share subexpressions and can be
 * differentiated again like any other code; a condition becomes a select on a comparison.
 */
final class IrAlgebra implements Algebra<Value> {

    private final Builder b;

    IrAlgebra(Builder b) {
        this.b = b;
    }

    @Override
    public Value constant(double c) {
        return b.constant(c);
    }

    @Override
    public Value add(Value x, Value y) {
        return b.add(x, y);
    }

    @Override
    public Value sub(Value x, Value y) {
        return b.sub(x, y);
    }

    @Override
    public Value mul(Value x, Value y) {
        return b.mul(x, y);
    }

    @Override
    public Value div(Value x, Value y) {
        return b.div(x, y);
    }

    @Override
    public Value neg(Value x) {
        return b.neg(x);
    }

    @Override
    public Value apply(ElementaryFunction f, List<Value> args) {
        return f.javaName() == null ? f.value(this, args) : b.call(f, args.toArray(new Value[0]));
    }

    @Override
    public Value ifEqual(Value x, Value y, Value then, Value otherwise) {
        return b.select(b.compare(Op.EQ, x, y), then, otherwise);
    }

    @Override
    public Value ifLessOrEqual(Value x, Value y, Value then, Value otherwise) {
        return b.select(b.compare(Op.LE, x, y), then, otherwise);
    }
}
