package nngrade.problem;

import com.fasterxml.jackson.databind.JsonNode;
import nngrade.input.Excerpts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The network section of a problem file: inputs, layers and their activations, loss, reduction, weight layout. */
final class NetworkValidator {
    private static final List<String> NETWORK = List.of("inputs", "layers", "loss", "reduction", "weightLayout");
    private static final List<String> LAYER = List.of("units", "activation");
    private static final List<String> ACTIVATION = List.of("name", "alpha");

    private final Validation pass;

    NetworkValidator(Validation pass) {
        this.pass = pass;
    }

    Network network(JsonNode n) {
        if (n.isMissingNode()) {
            pass.missing("network", "is missing; expected inputs, layers, loss");
            return null;
        }
        if (!n.isObject()) {
            pass.error("network", "expected an object with inputs, layers, loss, found " + Fields.describe(n));
            return null;
        }
        pass.unknownFields(n, NETWORK, "network", "field");
        Integer inputs = pass.positiveInt(n.get("inputs"), "network.inputs", "the number of inputs");
        List<Layer> layers = layers(n.get("layers"));
        Loss loss = null;
        JsonNode lossNode = n.get("loss");
        if (lossNode == null) {
            pass.missing("network.loss", "is missing; expected one of " + String.join(", ", Loss.labels()));
        } else {
            Optional<Loss> named = lossNode.isTextual() ? Loss.byLabel(lossNode.asText()) : Optional.empty();
            if (named.isEmpty()) {
                unknownLabel("network.loss", "loss", lossNode, Loss.labels(), "one of " + String.join(", ", Loss.labels()));
            }
            loss = named.orElse(null);
        }
        Reduction reduction = Reduction.MEAN;
        JsonNode red = n.get("reduction");
        if (red != null) {
            Optional<Reduction> named = red.isTextual() ? Reduction.byLabel(red.asText()) : Optional.empty();
            if (named.isEmpty()) {
                unknownLabel("network.reduction", "reduction", red, Reduction.labels(),
                        String.join(" or ", Reduction.labels()));
            }
            reduction = named.orElse(null);
        }
        WeightLayout layout = WeightLayout.OUT_IN;
        JsonNode lay = n.get("weightLayout");
        if (lay != null) {
            Optional<WeightLayout> named = lay.isTextual() ? WeightLayout.byLabel(lay.asText()) : Optional.empty();
            if (named.isEmpty()) {
                unknownLabel("network.weightLayout", "weightLayout", lay, WeightLayout.labels(),
                        WeightLayout.OUT_IN.described() + " or " + WeightLayout.IN_OUT.described());
            }
            layout = named.orElse(null);
        }
        if (inputs == null || layers == null || loss == null || reduction == null || layout == null) {
            return null;
        }
        Network network = new Network(inputs, layers, loss, reduction, layout);
        Activation out = network.output().activation();
        if (loss.usesLog() && !(out instanceof Activation.Sigmoid || out instanceof Activation.Softmax)) {
            pass.error("network.loss", loss.label() + " takes the log of the outputs, so the output layer needs "
                    + "sigmoid or softmax (probabilities), not " + out.name());
        }
        return network;
    }

    /** "unknown loss "crossentropy" (did you mean "cross-entropy"?); expected one of …". */
    private void unknownLabel(String field, String what, JsonNode n, List<String> labels, String expected) {
        if (!n.isTextual()) {
            pass.error(field, "expected the " + what + " as text (" + expected + "), found " + Fields.describe(n));
            return;
        }
        String meant = Fields.closest(n.asText(), labels);
        pass.error(field, "unknown " + what + " " + Fields.describe(n)
                + (meant == null ? "" : " (did you mean \"" + meant + "\"?)") + "; expected " + expected);
    }

    private List<Layer> layers(JsonNode n) {
        if (n == null) {
            pass.missing("network.layers", "is missing; expected a list of layers such as [{\"units\": 3, \"activation\": \"softmax\"}]");
            return null;
        }
        if (!n.isArray() || n.isEmpty()) {
            pass.error("network.layers", "expected a non-empty list of layers, found " + Fields.describe(n));
            return null;
        }
        List<Layer> layers = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < n.size(); i++) {
            String path = "network.layers[" + i + "]";
            JsonNode l = n.get(i);
            if (!l.isObject()) {
                pass.error(path, "layer " + (i + 1) + ": expected an object with units and activation, found " + Fields.describe(l));
                ok = false;
                continue;
            }
            pass.unknownFields(l, LAYER, path, "field");
            Integer units = pass.positiveInt(l.get("units"), path + ".units", "the number of units of layer " + (i + 1));
            Activation act = activation(l.get("activation"), path + ".activation", i + 1);
            if (units == null || act == null) {
                ok = false;
                continue;
            }
            if (act instanceof Activation.Softmax && units == 1) {
                pass.error(path, "layer " + (i + 1) + " is softmax over 1 unit, which always outputs 1; "
                        + "use sigmoid for a single output, or give it at least 2 units");
                ok = false;
                continue;
            }
            layers.add(new Layer(units, act));
        }
        return ok ? layers : null;
    }

    private Activation activation(JsonNode n, String path, int layer) {
        if (n == null) {
            pass.missing(path, "is missing; expected one of " + String.join(", ", Activation.names()));
            return null;
        }
        String name;
        double alpha = Activation.DEFAULT_LEAKY_SLOPE;
        if (n.isObject()) {
            pass.unknownFields(n, ACTIVATION, path, "field");
            JsonNode nameNode = n.get("name");
            if (nameNode == null) {
                pass.missing(path + ".name", "is missing; expected one of " + String.join(", ", Activation.names()));
                return null;
            }
            if (!nameNode.isTextual()) {
                pass.error(path + ".name", "expected an activation name, found " + Fields.describe(nameNode));
                return null;
            }
            name = nameNode.asText();
            JsonNode a = n.get("alpha");
            if (a != null) {
                if (!(Activation.byName(name, 0).orElse(null) instanceof Activation.LeakyRelu)) {
                    pass.error(path + ".alpha", "only leaky-relu has a slope alpha, not " + Excerpts.shown(name));
                    return null;
                }
                Double v = pass.number(a, path + ".alpha");
                if (v == null) {
                    return null;
                }
                if (v < 0 || v >= 1) {
                    pass.error(path + ".alpha", "the leaky-relu slope must be in [0, 1), found " + Numbers.exact(v));
                    return null;
                }
                alpha = v;
            }
        } else if (n.isTextual()) {
            name = n.asText();
        } else {
            pass.error(path, "expected an activation name, found " + Fields.describe(n));
            return null;
        }
        Optional<Activation> act = Activation.byName(name, alpha);
        if (act.isEmpty()) {
            String suggestion = Fields.closest(name, Activation.names());
            pass.error(path, "layer " + layer + " has unknown activation \"" + Excerpts.shown(name) + "\""
                    + (suggestion == null ? "" : " (did you mean \"" + suggestion + "\"?)")
                    + "; expected one of " + String.join(", ", Activation.names()));
        }
        return act.orElse(null);
    }
}
