package dev.wengert.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Writes random kernels in the subset as Java source, each with a hyper-dual evaluator of the
 * same function: straight-line code with if/else, single reduction loops (linear or not in the
 * sum, using outer values or not), pair loops ({@code j = i + 1}), guarded reads, helper calls,
 * loop bodies long enough to be split into private methods (sums of exponentials of negated
 * products, as in least-squares fits), early returns nested in ifs, and helpers with nested
 * returns inlined into a loop. Expressions use the Math functions of {@link Num} and unary minus.
 */
final class KernelGenerator {

    /** An expression as Java text and as a hyper-dual evaluation. */
    record Expr(String java, Function<Env, Num> eval) {
    }

    /** Evaluation environment: the variables, the data scalar c, locals by slot, loop counters. */
    static final class Env {
        final Num[] x;
        final Num c;
        final Num[] locals = new Num[8];
        final java.util.function.DoubleFunction<Num> constants;
        int i;
        int j;

        Env(Num[] x, double c, java.util.function.DoubleFunction<Num> constants) {
            this.x = x;
            this.c = constants.apply(c);
            this.constants = constants;
        }

        Num constant(double v) {
            return constants.apply(v);
        }
    }

    /**
     * A generated kernel: the method (and helper) source and its evaluator; {@code long} if its
     * body is meant to be split into private methods.
     */
    record Kernel(String name, String source, Function<Env, Num> eval, boolean isLong) {
        Kernel(String name, String source, Function<Env, Num> eval) {
            this(name, source, eval, false);
        }
    }

    private final Random random;
    private final List<Expr> leaves = new ArrayList<>();

    KernelGenerator(long seed) {
        this.random = new Random(seed);
    }

    Kernel next(String name) {
        return switch (random.nextInt(8)) {
            case 0 -> straightLine(name);
            case 1 -> reductionLoop(name);
            case 2 -> pairLoop(name);
            case 3 -> guardedReads(name);
            case 4 -> withHelper(name);
            case 5 -> longBody(name);
            case 6 -> earlyReturns(name);
            default -> helperWithReturnsInLoop(name);
        };
    }

    // ---- templates ----

    private Kernel straightLine(String name) {
        resetLeaves();
        Expr a = expr(3);
        addLocal("a", 0);
        Expr b = expr(3);
        addLocal("b", 1);
        Expr cond1 = expr(2);
        Expr cond2 = expr(2);
        Expr t = expr(3);
        Expr f = expr(3);
        addLocal("r", 2);
        Expr result = expr(2);
        String src = "double a = " + a.java + ";\n double b = " + b.java + ";\n double r;\n if (" + cond1.java + " > "
                + cond2.java + ") { r = " + t.java + "; } else { r = " + f.java + "; }\n return " + result.java + ";";
        return new Kernel(name, method(name, src), env -> {
            env.locals[0] = a.eval.apply(env);
            env.locals[1] = b.eval.apply(env);
            boolean taken = cond1.eval.apply(env).value() > cond2.eval.apply(env).value();
            env.locals[2] = taken ? t.eval.apply(env) : f.eval.apply(env);
            return result.eval.apply(env);
        });
    }

    private Kernel reductionLoop(String name) {
        resetLeaves();
        Expr a = expr(2);
        boolean useOuter = random.nextBoolean();
        if (useOuter) {
            addLocal("a", 0);
        }
        leaves.add(new Expr("x[i]", env -> env.x[env.i]));
        leaves.add(new Expr("i", env -> env.constant(env.i)));
        Expr t = expr(2);
        addLocal("t", 1);
        Expr delta = expr(2);
        resetLeaves();
        addLocal("a", 0);
        leaves.add(new Expr("s", env -> env.locals[2]));
        boolean linear = random.nextBoolean();
        Expr result = linear ? new Expr("3.5 * s - a", env -> env.constant(3.5).times(env.locals[2]).minus(env.locals[0]))
                : expr(2);
        String src = "double a = " + a.java + ";\n double s = 0;\n for (int i = 0; i < x.length; i++) {\n double t = "
                + t.java + ";\n s += " + delta.java + ";\n }\n return " + result.java + ";";
        return new Kernel(name, method(name, src), env -> {
            env.locals[0] = a.eval.apply(env);
            Num s = env.constant(0);
            for (env.i = 0; env.i < env.x.length; env.i++) {
                env.locals[1] = t.eval.apply(env);
                s = s.plus(delta.eval.apply(env));
            }
            env.locals[2] = s;
            return result.eval.apply(env);
        });
    }

    private Kernel pairLoop(String name) {
        resetLeaves();
        leaves.add(new Expr("x[i]", env -> env.x[env.i]));
        leaves.add(new Expr("x[j]", env -> env.x[env.j]));
        Expr d = expr(2);
        addLocal("d", 0);
        Expr delta = expr(2);
        String src = "double s = 0;\n for (int i = 0; i < x.length; i++) {\n for (int j = i + 1; j < x.length; j++) {\n"
                + " double d = " + d.java + ";\n s -= " + delta.java + ";\n }\n }\n return s * c;";
        return new Kernel(name, method(name, src), env -> {
            Num s = env.constant(0);
            for (env.i = 0; env.i < env.x.length; env.i++) {
                for (env.j = env.i + 1; env.j < env.x.length; env.j++) {
                    env.locals[0] = d.eval.apply(env);
                    s = s.minus(delta.eval.apply(env));
                }
            }
            return s.times(env.c);
        });
    }

    private Kernel guardedReads(String name) {
        resetLeaves();
        leaves.add(new Expr("x[i]", env -> env.x[env.i]));
        leaves.add(new Expr("x[i - 1]", env -> env.x[env.i - 1]));
        Expr withPrevious = expr(2);
        resetLeaves();
        leaves.add(new Expr("x[i]", env -> env.x[env.i]));
        Expr first = expr(2);
        String src = "double s = 0;\n for (int i = 0; i < x.length; i++) {\n s += i > 0 ? " + withPrevious.java + " : "
                + first.java + ";\n }\n return s;";
        return new Kernel(name, method(name, src), env -> {
            Num s = env.constant(0);
            for (env.i = 0; env.i < env.x.length; env.i++) {
                s = s.plus(env.i > 0 ? withPrevious.eval.apply(env) : first.eval.apply(env));
            }
            return s;
        });
    }

    private Kernel withHelper(String name) {
        leaves.clear();
        leaves.add(new Expr("u", env -> env.locals[6]));
        leaves.add(new Expr("w", env -> env.locals[7]));
        leaves.add(new Expr("0.75", env -> env.constant(0.75)));
        Expr body = expr(3);
        resetLeaves();
        Expr u = expr(2);
        Expr w = expr(2);
        String helper = "static double " + name + "Helper(double u, double w) {\n return " + body.java + ";\n }\n";
        String src = "return " + name + "Helper(" + u.java + ", " + w.java + ") + " + name + "Helper(x[1], x[0]);";
        Function<Env, Num> call = env -> body.eval.apply(env);
        return new Kernel(name, helper + method(name, src), env -> {
            Num first = invoke(env, call, u.eval.apply(env), w.eval.apply(env));
            Num second = invoke(env, call, env.x[1], env.x[0]);
            return first.plus(second);
        });
    }

    /** {@code s += r * r} over a residual r of 10 to 14 terms {@code a * Math.exp(-p * (q + x[i]))}: split in the derivatives. */
    private Kernel longBody(String name) {
        resetLeaves();
        leaves.add(new Expr("x[i]", env -> env.x[env.i]));
        leaves.add(new Expr("i", env -> env.constant(env.i)));
        int terms = 10 + random.nextInt(5);
        List<Expr> parts = new ArrayList<>();
        for (int k = 0; k < terms; k++) {
            // every term depends on x (nothing folds away), so the body is long in every derivative
            int slot = random.nextInt(4);
            Expr a = slot == 3 ? new Expr("x[i]", env -> env.x[env.i]) : new Expr("x[" + slot + "]", env -> env.x[slot]);
            Expr p = expr(1);
            Expr q = expr(1);
            parts.add(new Expr(a.java + " * Math.exp(-" + p.java + " * (" + q.java + " + x[i]))",
                    env -> a.eval.apply(env).times(p.eval.apply(env).negate().times(q.eval.apply(env).plus(env.x[env.i])).exp())));
        }
        Expr shift = expr(2);
        StringBuilder r = new StringBuilder();
        for (Expr part : parts) {
            r.append(r.length() == 0 ? "" : "\n + ").append(part.java);
        }
        boolean subtract = random.nextBoolean();
        String src = "double s = 0;\n for (int i = 0; i < x.length; i++) {\n double r = " + r + "\n - " + shift.java
                + ";\n s " + (subtract ? "-=" : "+=") + " r * r;\n }\n return s;";
        return new Kernel(name, method(name, src), env -> {
            Num s = env.constant(0);
            for (env.i = 0; env.i < env.x.length; env.i++) {
                Num sum = parts.get(0).eval.apply(env);
                for (int k = 1; k < parts.size(); k++) {
                    sum = sum.plus(parts.get(k).eval.apply(env));
                }
                Num res = sum.minus(shift.eval.apply(env));
                s = subtract ? s.minus(res.times(res)) : s.plus(res.times(res));
            }
            return s;
        }, true);
    }

    /** Two to four blocks {@code if (a > b) { if (c > d) return e; s += f; }} (or a plain early return). */
    private Kernel earlyReturns(String name) {
        resetLeaves();
        Expr init = expr(2);
        addLocal("s", 0);
        int blocks = 2 + random.nextInt(3);
        List<Expr[]> parts = new ArrayList<>();
        List<Boolean> nested = new ArrayList<>();
        StringBuilder src = new StringBuilder("double s = " + init.java + ";\n");
        for (int k = 0; k < blocks; k++) {
            Expr[] e = {expr(2), expr(2), expr(2), expr(2), expr(2), expr(2)};
            boolean isNested = random.nextInt(4) != 0;
            parts.add(e);
            nested.add(isNested);
            if (isNested) {
                src.append(" if (").append(e[0].java).append(" > ").append(e[1].java).append(") {\n  if (")
                        .append(e[2].java).append(" > ").append(e[3].java).append(") {\n   return ").append(e[4].java)
                        .append(";\n  }\n  s += ").append(e[5].java).append(";\n }\n");
            } else {
                src.append(" if (").append(e[0].java).append(" > ").append(e[1].java).append(") {\n  return ")
                        .append(e[4].java).append(";\n }\n s += ").append(e[5].java).append(";\n");
            }
        }
        Expr last = expr(2);
        src.append(" return ").append(last.java).append(";");
        return new Kernel(name, method(name, src.toString()), env -> {
            env.locals[0] = init.eval.apply(env);
            for (int k = 0; k < parts.size(); k++) {
                Expr[] e = parts.get(k);
                boolean outer = e[0].eval.apply(env).value() > e[1].eval.apply(env).value();
                if (nested.get(k)) {
                    if (outer) {
                        if (e[2].eval.apply(env).value() > e[3].eval.apply(env).value()) {
                            return e[4].eval.apply(env);
                        }
                        env.locals[0] = env.locals[0].plus(e[5].eval.apply(env));
                    }
                } else {
                    if (outer) {
                        return e[4].eval.apply(env);
                    }
                    env.locals[0] = env.locals[0].plus(e[5].eval.apply(env));
                }
            }
            return last.eval.apply(env);
        });
    }

    /** A helper with a nested return, {@code double t = e; if (u > w) { if (t > c) return a; t *= b; } return d;}, called in a loop. */
    private Kernel helperWithReturnsInLoop(String name) {
        leaves.clear();
        leaves.add(new Expr("u", env -> env.locals[6]));
        leaves.add(new Expr("w", env -> env.locals[7]));
        leaves.add(new Expr("0.75", env -> env.constant(0.75)));
        Expr t = expr(2);
        leaves.add(new Expr("t", env -> env.locals[5]));
        Expr bound = expr(1);
        Expr early = expr(2);
        Expr factor = expr(2);
        Expr last = expr(2);
        String helper = "static double " + name + "Helper(double u, double w) {\n double t = " + t.java + ";\n if (u > w) {\n"
                + "  if (t > " + bound.java + ") {\n   return " + early.java + ";\n  }\n  t *= " + factor.java + ";\n }\n return "
                + last.java + ";\n }\n";
        resetLeaves();
        leaves.add(new Expr("x[i]", env -> env.x[env.i]));
        Expr w = expr(2);
        String src = "double s = 0;\n for (int i = 0; i < x.length; i++) {\n s += " + name + "Helper(x[i], " + w.java
                + ");\n }\n return s * c;";
        Function<Env, Num> call = env -> {
            env.locals[5] = t.eval.apply(env);
            if (env.locals[6].value() > env.locals[7].value()) {
                if (env.locals[5].value() > bound.eval.apply(env).value()) {
                    return early.eval.apply(env);
                }
                env.locals[5] = env.locals[5].times(factor.eval.apply(env));
            }
            return last.eval.apply(env);
        };
        return new Kernel(name, helper + method(name, src), env -> {
            Num s = env.constant(0);
            for (env.i = 0; env.i < env.x.length; env.i++) {
                s = s.plus(invoke(env, call, env.x[env.i], w.eval.apply(env)));
            }
            return s.times(env.c);
        });
    }

    private static Num invoke(Env env, Function<Env, Num> body, Num u, Num w) {
        env.locals[6] = u;
        env.locals[7] = w;
        return body.apply(env);
    }

    private static String method(String name, String body) {
        return "@Differentiate\n static double " + name + "(double[] x, double c) {\n " + body + "\n }\n";
    }

    // ---- expressions ----

    private void resetLeaves() {
        leaves.clear();
        for (int k = 0; k < 3; k++) {
            int index = k;
            leaves.add(new Expr("x[" + k + "]", env -> env.x[index]));
        }
        leaves.add(new Expr("c", env -> env.c));
        leaves.add(new Expr("0.5", env -> env.constant(0.5)));
        leaves.add(new Expr("2", env -> env.constant(2)));
    }

    private void addLocal(String name, int slot) {
        leaves.add(new Expr(name, env -> env.locals[slot]));
    }

    private Expr leaf() {
        return leaves.get(random.nextInt(leaves.size()));
    }

    private Expr expr(int depth) {
        if (depth == 0 || random.nextInt(4) == 0) {
            return leaf();
        }
        Expr p = expr(depth - 1);
        switch (random.nextInt(15)) {
            case 0: {
                Expr q = expr(depth - 1);
                return new Expr("(" + p.java + " + " + q.java + ")", env -> p.eval.apply(env).plus(q.eval.apply(env)));
            }
            case 1: {
                Expr q = expr(depth - 1);
                return new Expr("(" + p.java + " - " + q.java + ")", env -> p.eval.apply(env).minus(q.eval.apply(env)));
            }
            case 2:
            case 3: {
                Expr q = expr(depth - 1);
                return new Expr("(" + p.java + " * " + q.java + ")", env -> p.eval.apply(env).times(q.eval.apply(env)));
            }
            case 4: {
                Expr q = expr(depth - 1);
                return new Expr("(" + p.java + " / (1.5 + Math.sin(" + q.java + ")))",
                        env -> p.eval.apply(env).div(env.constant(1.5).plus(q.eval.apply(env).sin())));
            }
            case 5:
                return new Expr("Math.sin(" + p.java + ")", env -> p.eval.apply(env).sin());
            case 6:
                return new Expr("Math.cos(" + p.java + ")", env -> p.eval.apply(env).cos());
            case 7:
                return new Expr("Math.tanh(" + p.java + ")", env -> p.eval.apply(env).tanh());
            case 8:
                return new Expr("Math.atan(" + p.java + ")", env -> p.eval.apply(env).atan());
            case 9:
                return new Expr("Math.exp(Math.sin(" + p.java + "))", env -> p.eval.apply(env).sin().exp());
            case 10:
                return new Expr("Math.sqrt(1 + " + p.java + " * " + p.java + ")",
                        env -> env.constant(1).plus(p.eval.apply(env).times(p.eval.apply(env))).sqrt());
            case 11:
                return new Expr("Math.log(2 + Math.cos(" + p.java + "))",
                        env -> env.constant(2).plus(p.eval.apply(env).cos()).log());
            case 12:
                return new Expr("Math.pow(1.5 + Math.sin(" + p.java + "), 1.7)",
                        env -> env.constant(1.5).plus(p.eval.apply(env).sin()).pow(1.7));
            case 13:
                return new Expr("(-" + p.java + ")", env -> p.eval.apply(env).negate());
            default: {
                Expr q = expr(depth - 1);
                return new Expr("(" + p.java + " > " + q.java + " ? -" + p.java + " : " + q.java + " * " + q.java + ")",
                        env -> p.eval.apply(env).value() > q.eval.apply(env).value() ? p.eval.apply(env).negate()
                                : q.eval.apply(env).times(q.eval.apply(env)));
            }
        }
    }
}
