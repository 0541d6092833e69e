package nngrade.problem;

import com.fasterxml.jackson.databind.JsonNode;
import nngrade.input.Excerpts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The graph section of a problem file (v1.1 "Computational graphs"): inputs, nodes each using
 * only earlier names, the output and the params, every mistake at its field.
 */
final class GraphValidator {
    private static final List<String> FIELDS = List.of("inputs", "nodes", "output", "params");
    private static final List<String> NODE_FIELDS = List.of("name", "op", "args", "power", "by");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Validation pass;

    GraphValidator(Validation pass) {
        this.pass = pass;
    }

    /** The graph, or null after reporting why not. */
    Graph graph(JsonNode n) {
        if (!n.isObject()) {
            pass.error("graph", "expected an object with inputs, nodes and output, found " + Fields.describe(n));
            return null;
        }
        long before = pass.count();
        pass.unknownFields(n, FIELDS, "graph", "field");
        Map<String, String> where = new LinkedHashMap<>(); // each name's defining field, to locate a clash of names
        Map<String, Double> inputs = inputs(n.get("inputs"), where);
        Set<String> defined = new HashSet<>(inputs == null ? Set.of() : inputs.keySet());
        List<Graph.Node> nodes = nodes(n.get("nodes"), defined, inputs != null, where);
        String output = output(n.get("output"), nodeNames(n.get("nodes")));
        List<String> params = params(n.get("params"), inputs == null ? Map.of() : inputs);
        names(where, params);
        return pass.count() > before ? null : new Graph(inputs, nodes, output, params);
    }

    /** Each input's value, or null after reporting that there are none to read. */
    private Map<String, Double> inputs(JsonNode n, Map<String, String> where) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (n == null) {
            pass.missing("graph.inputs", "is missing; expected each input's value, such as {\"x\": 3, \"y\": -4}");
            return null;
        }
        if (!n.isObject() || n.isEmpty()) {
            pass.error("graph.inputs", "expected an object of each input's value, such as {\"x\": 3}, found "
                    + Fields.describe(n));
            return null;
        }
        for (var it = n.fields(); it.hasNext(); ) {
            var e = it.next();
            String field = "graph.inputs." + Excerpts.pathName(e.getKey());
            identifier(e.getKey(), field);
            where.putIfAbsent(e.getKey(), field);
            JsonNode v = e.getValue();
            if (v.isObject() && v.has("random")) {
                pass.error(field, field + " is drawn at random for each student: give a student id and the teacher's "
                        + "secret (--secret-file FILE or NNGRADE_SECRET) to make that student's variant");
                out.put(e.getKey(), 0.0);
                continue;
            }
            if (v.isArray() && v.size() == 1 && v.get(0).isArray() && v.get(0).size() == 1) {
                v = v.get(0).get(0); // [[3]], as a drawn variant of a one-cell generator is written
            }
            Double x = pass.number(v, field);
            out.put(e.getKey(), x == null ? 0.0 : x);
        }
        return out;
    }

    /**
     * The nodes, each using names in {@code defined}; with {@code inputsKnown} false (no readable inputs) a name
     * that is not a node is not reported, as it may be one of the inputs the file meant to give.
     */
    private List<Graph.Node> nodes(JsonNode n, Set<String> defined, boolean inputsKnown, Map<String, String> where) {
        List<Graph.Node> out = new ArrayList<>();
        if (n == null) {
            pass.missing("graph.nodes", "is missing; expected a list of nodes such as {\"name\": \"a\", \"op\": \"mul\", "
                    + "\"args\": [\"x\", \"y\"]}");
            return out;
        }
        if (!n.isArray() || n.isEmpty()) {
            pass.error("graph.nodes", "expected a non-empty list of nodes, found " + Fields.describe(n));
            return out;
        }
        Set<String> all = new HashSet<>(defined); // every name in the file, to tell "later" from "nowhere"
        for (JsonNode e : n) {
            if (e.isObject() && e.path("name").isTextual()) {
                all.add(e.get("name").asText());
            }
        }
        for (int i = 0; i < n.size(); i++) {
            Graph.Node node = node(n.get(i), "graph.nodes[" + i + "]", defined, all, inputsKnown, where);
            if (node != null) {
                out.add(node);
            }
        }
        return out;
    }

    private Graph.Node node(JsonNode n, String path, Set<String> defined, Set<String> all, boolean inputsKnown,
                            Map<String, String> where) {
        if (!n.isObject()) {
            pass.error(path, "expected a node such as {\"name\": \"a\", \"op\": \"mul\", \"args\": [\"x\", \"y\"]}, found "
                    + Fields.describe(n));
            return null;
        }
        long before = pass.count();
        pass.unknownFields(n, NODE_FIELDS, path, "field");
        JsonNode nameNode = n.get("name");
        String name = null;
        if (nameNode == null) {
            pass.missing(path + ".name", "is missing; expected the node's name, such as \"a\"");
        } else if (!nameNode.isTextual()) {
            pass.error(path + ".name", "expected the node's name, found " + Fields.describe(nameNode));
        } else {
            name = nameNode.asText();
            if (identifier(name, path + ".name") && defined.contains(name)) {
                pass.error(path + ".name", "\"" + name + "\" is already defined; each input and node needs its own name");
            }
            where.putIfAbsent(name, path + ".name");
        }
        Graph.Op op = null;
        JsonNode opNode = n.get("op");
        if (opNode == null) {
            pass.missing(path + ".op", "is missing; expected one of " + String.join(", ", Graph.Op.labels()));
        } else if (!opNode.isTextual()) {
            pass.error(path + ".op", "expected one of " + String.join(", ", Graph.Op.labels()) + ", found "
                    + Fields.describe(opNode));
        } else {
            op = Graph.Op.parse(opNode.asText()).orElse(null);
            if (op == null) {
                pass.error(path + ".op", Fields.unknownMessage("op", opNode.asText(), Graph.Op.labels()));
            }
        }
        List<String> args = new ArrayList<>();
        JsonNode argsNode = n.get("args");
        if (argsNode == null) {
            pass.missing(path + ".args", "is missing; expected the names the node uses, such as [\"x\"]");
        } else if (!argsNode.isArray()) {
            pass.error(path + ".args", "expected a list of the names the node uses, found " + Fields.describe(argsNode));
        } else {
            for (int i = 0; i < argsNode.size(); i++) {
                JsonNode a = argsNode.get(i);
                String field = path + ".args[" + i + "]";
                if (!a.isTextual()) {
                    pass.error(field, "expected an input's or an earlier node's name, found " + Fields.describe(a));
                    continue;
                }
                String arg = a.asText();
                if (arg.equals(name)) {
                    pass.error(field, "\"" + Excerpts.shown(arg) + "\" uses itself: a graph has no cycles");
                } else if (!defined.contains(arg) && (inputsKnown || all.contains(arg))) {
                    pass.error(field, all.contains(arg)
                            ? "\"" + Excerpts.shown(arg) + "\" is used before it is defined: a node uses only inputs and "
                            + "earlier nodes (a graph has no cycles)"
                            : "\"" + Excerpts.shown(arg) + "\" is neither an input nor a node"
                            + hint(arg, defined) + (defined.isEmpty() ? ""
                            : "; expected one of " + String.join(", ", sorted(defined))));
                }
                args.add(arg);
            }
            // every element counts, names or not: a number among two args is its own error, not a missing arg
            if (op != null && !op.arityFits(argsNode.size())) {
                pass.error(path + ".args", op.label() + " takes " + op.arityWords() + ", found " + argsNode.size());
            }
        }
        double parameter = 0;
        if (op != null) {
            String wanted = op.parameterField();
            for (String f : List.of("power", "by")) {
                if (!f.equals(wanted) && n.has(f)) {
                    pass.error(path + "." + f, path + "." + f + " belongs to "
                            + (f.equals("power") ? "pow" : "scale") + ", not to " + op.label() + "; remove it");
                }
            }
            if (wanted != null) {
                JsonNode c = n.get(wanted);
                if (c == null) {
                    pass.missing(path + "." + wanted, "is missing; " + op.label() + " needs "
                            + (op == Graph.Op.POW ? "its power, such as \"power\": 2" : "its factor, such as \"by\": 0.5"));
                } else {
                    Double v = pass.number(c, path + "." + wanted);
                    parameter = v == null ? 0 : v;
                }
            }
        }
        if (name != null) {
            defined.add(name);
        }
        return pass.count() > before ? null : new Graph.Node(name, op, args, parameter);
    }

    /** Every node's name the file gives, in order, valid node or not (an unknown op is its own error, not the output's). */
    private static List<String> nodeNames(JsonNode nodes) {
        List<String> out = new ArrayList<>();
        if (nodes != null && nodes.isArray()) {
            for (JsonNode e : nodes) {
                if (e.isObject() && e.path("name").isTextual()) {
                    out.add(e.get("name").asText());
                }
            }
        }
        return out;
    }

    private String output(JsonNode n, List<String> names) {
        if (n == null) {
            pass.missing("graph.output", "is missing; expected the node whose gradient is taken"
                    + (names.isEmpty() ? "" : ", such as \"" + names.get(names.size() - 1) + "\""));
            return null;
        }
        if (!n.isTextual()) {
            pass.error("graph.output", "expected a node's name, found " + Fields.describe(n));
            return null;
        }
        if (!names.contains(n.asText()) && !names.isEmpty()) {
            pass.error("graph.output", "\"" + Excerpts.shown(n.asText()) + "\" is not a node" + hint(n.asText(), names)
                    + "; expected one of " + String.join(", ", names));
        }
        return n.asText();
    }

    private List<String> params(JsonNode n, Map<String, Double> inputs) {
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (!n.isArray()) {
            pass.error("graph.params", "expected a list of input names, such as [\"x\"], found " + Fields.describe(n));
            return out;
        }
        for (int i = 0; i < n.size(); i++) {
            JsonNode e = n.get(i);
            String field = "graph.params[" + i + "]";
            if (!e.isTextual() || !inputs.containsKey(e.asText())) {
                pass.error(field, Fields.describe(e) + " is not an input; params are inputs stepped as x_next = x − η·dx"
                        + (e.isTextual() ? hint(e.asText(), inputs.keySet()) : "") + "; expected one of "
                        + String.join(", ", inputs.keySet()));
            } else if (out.contains(e.asText())) {
                pass.error(field, "\"" + e.asText() + "\" is listed twice; list each param once");
            } else {
                out.add(e.asText());
            }
        }
        return out;
    }

    /**
     * A name that reads as d + another name would make "dx" mean two quantities, and one that
     * reads as a param's step ({@code x_next} beside the param x) would make "x_next" mean two:
     * refused where it is defined.
     */
    private void names(Map<String, String> where, List<String> params) {
        for (var e : where.entrySet()) {
            String name = e.getKey();
            if (name.length() > 1 && name.startsWith("d") && where.containsKey(name.substring(1))) {
                pass.error(e.getValue(), "the name \"" + name + "\" reads as d + \"" + name.substring(1)
                        + "\" (its gradient); rename it");
            }
            String stepped = name.endsWith("_next") ? name.substring(0, name.length() - "_next".length()) : null;
            if (stepped != null && params.contains(stepped)) {
                pass.error(e.getValue(), "the name \"" + name + "\" reads as the param \"" + stepped
                        + "\" after its step (x_next = x − η·dx); rename it");
            } else if (stepped != null && params.contains("d" + stepped)) {
                // w_next beside the param dw: its gradient dw_next is the param's step dw_next
                pass.error(e.getValue(), "the name \"" + name + "\" has the gradient \"d" + name + "\", the name of the param \"d"
                        + stepped + "\" after its step; rename it");
            }
        }
    }

    private boolean identifier(String name, String field) {
        if (!IDENTIFIER.matcher(name).matches()) {
            pass.error(field, "\"" + Excerpts.shown(name) + "\" is not a name: use letters, digits and _, starting "
                    + "with a letter, such as x1 or h_2");
            return false;
        }
        return true;
    }

    private static String hint(String name, java.util.Collection<String> known) {
        String meant = Fields.closest(name, known);
        return meant == null ? "" : " (did you mean \"" + meant + "\"?)";
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
