package dev.wengert.codegen.frontend;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.List;

/**
 * An assignment {@code f = f + a - b + ...} or {@code f = a + f} that only adds terms to its target,
 * the form line-by-line ports of Fortran and C use for a sum: inside a loop it is the reduction
 * {@code f += a - b + ...}. Terms are the operands of the chain of {@code +} and {@code -} whose
 * leftmost operand (or, for a single {@code +}, either operand) is the target, read nowhere else.
 *
 * @param target the assigned name
 * @param terms the added terms, in source order
 */
record AdditiveUpdate(String target, List<Term> terms) {

    /** One term of the sum and whether it is subtracted. */
    record Term(ExpressionTree expression, boolean negated) {
    }

    /** The update {@code a} performs, or null when it is not of that form. */
    static AdditiveUpdate of(AssignmentTree a) {
        if (!(a.getVariable() instanceof IdentifierTree id)) {
            return null;
        }
        String name = id.getName().toString();
        ExpressionTree rhs = unwrap(a.getExpression());
        List<Term> terms = new ArrayList<>();
        // f = e + f: the target on the right of a single +
        if (rhs instanceof BinaryTree bin && bin.getKind() == Tree.Kind.PLUS
                && Environment.isName(unwrap(bin.getRightOperand()), name)
                && !mentions(bin.getLeftOperand(), name)) {
            terms.add(new Term(bin.getLeftOperand(), false));
            return new AdditiveUpdate(name, terms);
        }
        // f = f + a - b + ...: walk the left spine down to the target
        ExpressionTree e = rhs;
        while (e instanceof BinaryTree bin && (bin.getKind() == Tree.Kind.PLUS || bin.getKind() == Tree.Kind.MINUS)) {
            if (mentions(bin.getRightOperand(), name)) {
                return null;
            }
            terms.add(0, new Term(bin.getRightOperand(), bin.getKind() == Tree.Kind.MINUS));
            e = unwrap(bin.getLeftOperand());
        }
        return !terms.isEmpty() && Environment.isName(e, name) ? new AdditiveUpdate(name, terms) : null;
    }

    private static ExpressionTree unwrap(ExpressionTree e) {
        while (e instanceof ParenthesizedTree p) {
            e = p.getExpression();
        }
        return e;
    }

    static boolean mentions(Tree t, String name) {
        Boolean found = new TreeScanner<Boolean, Void>() {
            @Override
            public Boolean visitIdentifier(IdentifierTree node, Void unused) {
                return node.getName().contentEquals(name);
            }

            @Override
            public Boolean reduce(Boolean a, Boolean c) {
                return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(c);
            }
        }.scan(t, null);
        return Boolean.TRUE.equals(found);
    }
}
