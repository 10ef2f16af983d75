package dev.wengert.codegen.frontend;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds, before a loop body is lowered, every assignment in it and every name it declares, so that
 * the variables carried from one iteration to the next are known up front.
 */
final class LoopScan extends TreeScanner<Void, Void> {

    /** One assignment to a simple name; {@code additive} for {@code +=}, {@code -=}, {@code ++}, {@code --} and
     * {@code f = f + e} ({@link AdditiveUpdate}). */
    record Assignment(String name, boolean additive, Tree tree) {
    }

    final List<Assignment> assignments = new ArrayList<>();
    final Set<String> declared = new HashSet<>();
    /** The names read (an assignment's target is not a read; in {@code f = f + e} only e's names are). */
    final Set<String> reads = new HashSet<>();

    static LoopScan of(List<? extends StatementTree> body) {
        LoopScan s = new LoopScan();
        for (StatementTree statement : body) {
            statement.accept(s, null);
        }
        return s;
    }

    @Override
    public Void visitVariable(VariableTree node, Void unused) {
        declared.add(node.getName().toString());
        return super.visitVariable(node, unused);
    }

    @Override
    public Void visitAssignment(AssignmentTree node, Void unused) {
        AdditiveUpdate update = AdditiveUpdate.of(node);
        record(node.getVariable(), update != null, node);
        scanTarget(node.getVariable());
        if (update != null) {
            update.terms().forEach(t -> scan(t.expression(), null));
            return null;
        }
        return scan(node.getExpression(), null);
    }

    @Override
    public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
        boolean additive = node.getKind() == Tree.Kind.PLUS_ASSIGNMENT || node.getKind() == Tree.Kind.MINUS_ASSIGNMENT;
        record(node.getVariable(), additive, node);
        scanTarget(node.getVariable());
        return scan(node.getExpression(), null);
    }

    @Override
    public Void visitUnary(UnaryTree node, Void unused) {
        switch (node.getKind()) {
            case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> {
                record(node.getExpression(), true, node);
                scanTarget(node.getExpression());
                return null;
            }
            default -> {
                return super.visitUnary(node, unused);
            }
        }
    }

    @Override
    public Void visitIdentifier(IdentifierTree node, Void unused) {
        reads.add(node.getName().toString());
        return null;
    }

    /** The names an assignment's target reads: none for a name, the array and index of {@code u[i]}. */
    private void scanTarget(ExpressionTree target) {
        if (!(target instanceof IdentifierTree)) {
            scan(target, null);
        }
    }

    private void record(ExpressionTree target, boolean additive, Tree tree) {
        if (target instanceof IdentifierTree id) {
            assignments.add(new Assignment(id.getName().toString(), additive, tree));
        }
    }
}
