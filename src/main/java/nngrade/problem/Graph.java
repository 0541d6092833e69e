package nngrade.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scalar expression graph (v1.1 "graph"): named inputs, nodes each an op of earlier names,
 * and the output whose gradient is taken.
 *
 * @param inputs each input's given value, in the file's order
 * @param nodes  in the file's order, each using only inputs and earlier nodes
 * @param params the inputs with a step {@code x_next = x − η·dx}
 */
public record Graph(Map<String, Double> inputs, List<Node> nodes, String output, List<String> params) {

    public Graph {
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        nodes = List.copyOf(nodes);
        params = List.copyOf(params);
    }

    /**
     * One node: {@code name = op(args)}.
     *
     * @param parameter pow's power or scale's factor, 0 for the other ops
     */
    public record Node(String name, Op op, List<String> args, double parameter) {
        public Node {
            args = List.copyOf(args);
        }
    }

    /** The ops of the spec, each with its value and its local partial derivatives. */
    public enum Op {
        ADD("add", 2, -1, "+"), MUL("mul", 2, -1, "·"), SUB("sub", 2, 2, "−"), DIV("div", 2, 2, "/"),
        NEG("neg", 1, 1, null), EXP("exp", 1, 1, null), LOG("log", 1, 1, null), SIGMOID("sigmoid", 1, 1, null),
        TANH("tanh", 1, 1, null), RELU("relu", 1, 1, null), POW("pow", 1, 1, null), SCALE("scale", 1, 1, null),
        MAX("max", 2, 2, null), MIN("min", 2, 2, null);

        private final String label;
        private final int minArgs;
        private final int maxArgs; // -1: any number from minArgs
        private final String infix;

        Op(String label, int minArgs, int maxArgs, String infix) {
            this.label = label;
            this.minArgs = minArgs;
            this.maxArgs = maxArgs;
            this.infix = infix;
        }

        /** The spec's name: {@code add}, {@code sigmoid}. */
        public String label() {
            return label;
        }

        public static Optional<Op> parse(String label) {
            for (Op op : values()) {
                if (op.label.equals(label)) {
                    return Optional.of(op);
                }
            }
            return Optional.empty();
        }

        public static List<String> labels() {
            return Arrays.stream(values()).map(Op::label).toList();
        }

        public boolean arityFits(int n) {
            return n >= minArgs && (maxArgs < 0 || n <= maxArgs);
        }

        /** The arity in words for messages: "2 or more args", "exactly 1 arg". */
        public String arityWords() {
            return maxArgs < 0 ? minArgs + " or more args" : "exactly " + minArgs + (minArgs == 1 ? " arg" : " args");
        }

        /** The field holding the op's number: {@code power} for pow, {@code by} for scale, null for the rest. */
        public String parameterField() {
            return this == POW ? "power" : this == SCALE ? "by" : null;
        }

        /** op(args) with pow's power or scale's factor c. */
        public double value(double[] v, double c) {
            return switch (this) {
                case ADD -> {
                    double s = 0;
                    for (double x : v) {
                        s += x;
                    }
                    yield s;
                }
                case MUL -> {
                    double s = 1;
                    for (double x : v) {
                        s *= x;
                    }
                    yield s;
                }
                case SUB -> v[0] - v[1];
                case DIV -> v[0] / v[1];
                case NEG -> -v[0];
                case EXP -> Math.exp(v[0]);
                case LOG -> Math.log(v[0]);
                case SIGMOID -> 1 / (1 + Math.exp(-v[0]));
                case TANH -> Math.tanh(v[0]);
                case RELU -> v[0] > 0 ? v[0] : 0;
                case POW -> Math.pow(v[0], c);
                case SCALE -> c * v[0];
                case MAX -> v[chosen(v)];
                case MIN -> v[chosen(v)];
            };
        }

        /** max's or min's chosen argument: the first on a tie. */
        public int chosen(double[] v) {
            return this == MAX ? (v[1] > v[0] ? 1 : 0) : (v[1] < v[0] ? 1 : 0);
        }

        /** ∂op/∂args[i] at the arguments' values v (relu′(0) = 0; max and min: 1 for the chosen argument). */
        public double partial(int i, double[] v, double c) {
            return switch (this) {
                case ADD -> 1;
                case MUL -> {
                    double s = 1; // the product of the others, so that mul(x, 0) still has ∂/∂x = 0
                    for (int j = 0; j < v.length; j++) {
                        if (j != i) {
                            s *= v[j];
                        }
                    }
                    yield s;
                }
                case SUB -> i == 0 ? 1 : -1;
                case DIV -> i == 0 ? 1 / v[1] : -v[0] / (v[1] * v[1]);
                case NEG -> -1;
                case EXP -> Math.exp(v[0]);
                case LOG -> 1 / v[0];
                case SIGMOID -> {
                    double s = 1 / (1 + Math.exp(-v[0]));
                    yield s * (1 - s);
                }
                case TANH -> {
                    double t = Math.tanh(v[0]);
                    yield 1 - t * t;
                }
                case RELU -> v[0] > 0 ? 1 : 0;
                case POW -> c * Math.pow(v[0], c - 1);
                case SCALE -> c;
                case MAX, MIN -> chosen(v) == i ? 1 : 0;
            };
        }

        /** The node's formula: "a = x·y", "s = σ(x)", "p = x^2", numbers in {@code n}'s notation. */
        public String formula(String name, List<String> args, double c, Activation.Notation n) {
            String rhs = infix != null ? String.join(infix.equals("·") || infix.equals("/") ? infix : " " + infix + " ", args)
                    : switch (this) {
                        case NEG -> "−" + args.get(0);
                        case EXP -> "exp(" + args.get(0) + ")";
                        case LOG -> "ln(" + args.get(0) + ")";
                        case SIGMOID -> "σ(" + args.get(0) + ")";
                        case TANH -> "tanh(" + args.get(0) + ")";
                        case RELU -> "relu(" + args.get(0) + ")";
                        case POW -> args.get(0) + "^" + n.number(c);
                        case SCALE -> n.number(c) + "·" + args.get(0);
                        case MAX -> "max(" + args.get(0) + n.separator() + args.get(1) + ")";
                        case MIN -> "min(" + args.get(0) + n.separator() + args.get(1) + ")";
                        default -> throw new IllegalStateException(label);
                    };
            return name + " = " + rhs;
        }

        /**
         * ∂op/∂args[i] as a formula of the args: "y" for x·y, "σ(x)(1 − σ(x))"; max's and min's as an Iverson
         * bracket that is 1 exactly when {@link #chosen} picks args[i] ("[s ≥ y]": the first on a tie).
         */
        public String partialFormula(int i, List<String> args, double c, Activation.Notation n) {
            String a = args.get(0);
            return switch (this) {
                case ADD -> "1";
                case MUL -> {
                    List<String> others = new ArrayList<>(args);
                    others.remove(i);
                    yield String.join("·", others);
                }
                case SUB -> i == 0 ? "1" : "(−1)";
                case DIV -> i == 0 ? "(1/" + args.get(1) + ")" : "(−" + a + "/" + args.get(1) + "²)";
                case NEG -> "(−1)";
                case EXP -> "exp(" + a + ")";
                case LOG -> "(1/" + a + ")";
                case SIGMOID -> "σ(" + a + ")(1 − σ(" + a + "))";
                case TANH -> "(1 − tanh²(" + a + "))";
                case RELU -> "[" + a + " > 0]";
                // in parentheses when negative, as it follows the upstream factor: dq·(−1·y^−2)
                case POW -> c < 0 ? "(" + n.number(c) + "·" + a + "^" + n.number(c - 1) + ")"
                        : n.number(c) + "·" + a + "^" + n.number(c - 1);
                case SCALE -> c < 0 ? "(" + n.number(c) + ")" : n.number(c);
                case MAX -> i == 0 ? "[" + a + " ≥ " + args.get(1) + "]" : "[" + args.get(1) + " > " + a + "]";
                case MIN -> i == 0 ? "[" + a + " ≤ " + args.get(1) + "]" : "[" + args.get(1) + " < " + a + "]";
            };
        }
    }

    /** The node named {@code name}, or null for an input. */
    public Node node(String name) {
        for (Node n : nodes) {
            if (n.name().equals(name)) {
                return n;
            }
        }
        return null;
    }

    /** Each use of {@code name}: the node using it and the argument's position (twice for mul(x, x)). */
    public List<Use> uses(String name) {
        List<Use> out = new ArrayList<>();
        for (Node n : nodes) {
            for (int i = 0; i < n.args().size(); i++) {
                if (n.args().get(i).equals(name)) {
                    out.add(new Use(n, i));
                }
            }
        }
        return out;
    }

    /** A use of a name as argument {@code arg} of {@code node}. */
    public record Use(Node node, int arg) {
    }

    /** The quantities of this graph. */
    public Quantities quantities() {
        return Quantities.graph(List.copyOf(inputs.keySet()), nodes.stream().map(Node::name).toList(), params);
    }
}
