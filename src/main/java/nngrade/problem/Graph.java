package nngrade.problem;

import java.util.List;
import java.util.Map;

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
        inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
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

    /** The ops of the spec. */
    public enum Op {
        ADD, MUL, SUB, DIV, NEG, EXP, LOG, SIGMOID, TANH, RELU, POW, SCALE, MAX, MIN
    }

    /** The quantities of this graph. */
    public Quantities quantities() {
        return Quantities.graph(List.copyOf(inputs.keySet()), nodes.stream().map(Node::name).toList(), params);
    }
}
