package dev.wengert.ad.tape;

import java.util.Arrays;

/**
 * The comparisons a recording's control flow depended on. Each guard is a relation between two
 * nodes (or a node and a constant) and the outcome seen while recording; a replay at a new x
 * re-evaluates them on its values, and a guard whose outcome differs means the recorded branch is
 * no longer the one {@code f} would take there.
 */
public final class Guards {
    public static final int LESS = 0;
    public static final int LESS_OR_EQUAL = 1;
    public static final int GREATER = 2;
    public static final int GREATER_OR_EQUAL = 3;
    public static final int EQUAL = 4;

    private static final String[] SYMBOLS = {"<", "<=", ">", ">=", "=="};

    private final byte[] relation;
    private final int[] left;
    private final int[] right;      // -1: compare with the constant
    private final double[] constant;
    private final boolean[] outcome;

    private Guards(byte[] relation, int[] left, int[] right, double[] constant, boolean[] outcome) {
        this.relation = relation;
        this.left = left;
        this.right = right;
        this.constant = constant;
        this.outcome = outcome;
    }

    /** Evaluates {@code relation} on two numbers. */
    public static boolean holds(int relation, double x, double y) {
        switch (relation) {
            case LESS: return x < y;
            case LESS_OR_EQUAL: return x <= y;
            case GREATER: return x > y;
            case GREATER_OR_EQUAL: return x >= y;
            case EQUAL: return x == y;
            default: throw new IllegalArgumentException("unknown relation " + relation);
        }
    }

    /** Number of guards. */
    public int count() {
        return relation.length;
    }

    /** Marks the nodes the guards compare as live. */
    void markOperands(boolean[] live) {
        for (int g = 0; g < relation.length; g++) {
            live[left[g]] = true;
            if (right[g] >= 0) live[right[g]] = true;
        }
    }

    /** These guards with node indices mapped through {@code renumber}. */
    Guards renumbered(int[] renumber) {
        int[] l = new int[left.length];
        int[] r = new int[right.length];
        for (int g = 0; g < left.length; g++) {
            l[g] = renumber[left[g]];
            r[g] = right[g] < 0 ? -1 : renumber[right[g]];
        }
        return new Guards(relation, l, r, constant, outcome);
    }

    /** Index of the first guard whose outcome on node values {@code v} differs from the recording, or -1. */
    public int firstFlipped(double[] v) {
        for (int g = 0; g < relation.length; g++) {
            double y = right[g] < 0 ? constant[g] : v[right[g]];
            if (holds(relation[g], v[left[g]], y) != outcome[g]) return g;
        }
        return -1;
    }

    /** Describes guard {@code g} at node values {@code v}, for error messages. */
    public String describe(int g, double[] v) {
        String rhs = right[g] < 0 ? Double.toString(constant[g]) : "node " + right[g] + " (" + v[right[g]] + ")";
        return "guard #" + g + ": node " + left[g] + " (" + v[left[g]] + ") " + SYMBOLS[relation[g]] + " " + rhs
                + " was " + outcome[g] + " when recorded and is " + !outcome[g] + " now";
    }

    /** Accumulates guards while recording. */
    static final class Builder {
        // Most functions compare nothing: the arrays are made at the first guard.
        private byte[] relation = {};
        private int[] left = {};
        private int[] right = {};
        private double[] constant = {};
        private boolean[] outcome = {};
        private int count;

        void add(int rel, int l, int r, double c, boolean result) {
            if (count == relation.length) {
                int capacity = Math.max(8, count * 2);
                relation = Arrays.copyOf(relation, capacity);
                left = Arrays.copyOf(left, capacity);
                right = Arrays.copyOf(right, capacity);
                constant = Arrays.copyOf(constant, capacity);
                outcome = Arrays.copyOf(outcome, capacity);
            }
            relation[count] = (byte) rel;
            left[count] = l;
            right[count] = r;
            constant[count] = c;
            outcome[count] = result;
            count++;
        }

        Guards build() {
            return new Guards(Arrays.copyOf(relation, count), Arrays.copyOf(left, count),
                    Arrays.copyOf(right, count), Arrays.copyOf(constant, count), Arrays.copyOf(outcome, count));
        }
    }
}
