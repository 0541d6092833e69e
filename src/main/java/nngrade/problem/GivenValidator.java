package nngrade.problem;

import com.fasterxml.jackson.databind.JsonNode;
import nngrade.input.Excerpts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The given section of a problem file: x, y and every layer's W and b, in the shapes the network
 * needs, and the optimiser's state before the first step (v1.1: vW1, sb2 …, zeros when absent,
 * Adam's t).
 */
final class GivenValidator {
    private final Validation pass;

    GivenValidator(Validation pass) {
        this.pass = pass;
    }

    /** Every state any optimiser keeps, by its name without the layer. */
    private static final List<String> STATE = List.of("vW", "vb", "sW", "sb", "mW", "mb");

    /** The largest t accepted: no homework takes more steps, and β^t' stays representable. */
    static final int MAX_T = 1_000_000;

    /**
     * x, y, Wl, bl and the state {@code optimizer} keeps, checked against the network; keys are
     * canonical (W1, not W); Adam's t, when given, as a 1×1 matrix under "t".
     */
    Map<String, Matrix> given(JsonNode n, Network network, Optimizer optimizer) {
        Map<String, Matrix> out = new HashMap<>();
        if (n == null) {
            pass.missing("given", "is missing; expected x, y and the weights and biases of every layer");
            return out;
        }
        if (!n.isObject()) {
            pass.error("given", "expected an object with x, y, W1, b1, …, found " + Fields.describe(n));
            return out;
        }
        int layers = network.depth();
        Map<String, String> expected = new LinkedHashMap<>(); // canonical name -> accepted name
        expected.put("x", "x");
        expected.put("y", "y");
        for (int l = 1; l <= layers; l++) {
            expected.put("W" + l, "W" + l);
            expected.put("b" + l, "b" + l);
        }
        List<String> names = new ArrayList<>(expected.keySet());
        List<String> kept = new ArrayList<>();
        for (int l = 1; l <= layers; l++) {
            for (Quantity.Kind k : optimizer.stateOfW()) {
                kept.add(k.statePrefix() + l);
            }
            for (Quantity.Kind k : optimizer.stateOfB()) {
                kept.add(k.statePrefix() + l);
            }
        }
        kept.forEach(name -> expected.put(name, name));
        long errorsBefore = pass.count();
        for (var it = n.fields(); it.hasNext(); ) {
            var e = it.next();
            String key = e.getKey();
            String canonical = layers == 1 && (key.equals("W") || key.equals("b") || STATE.contains(key)) ? key + "1" : key;
            if (key.equals("t")) {
                t(e.getValue(), optimizer, out);
                continue;
            }
            if (!expected.containsKey(canonical) && isState(canonical)) {
                String field = "given." + Excerpts.pathName(key);
                pass.error(field, field + " is optimiser state that " + optimizer.label() + " does not keep; "
                        + (kept.isEmpty() ? optimizer.label() + " keeps none"
                        : optimizer.label() + " keeps " + String.join(", ", kept)));
                continue;
            }
            if (!expected.containsKey(canonical)) {
                List<String> known = new ArrayList<>(names);
                known.addAll(kept);
                String meant = Fields.closest(key, known);
                if (meant != null) {
                    pass.misspelled("given." + meant);
                }
                String field = "given." + Excerpts.pathName(key);
                pass.error(field, field + " is not a given of this " + layers + "-layer network"
                        + (meant == null ? "" : " (did you mean \"" + meant + "\"?)")
                        + "; expected " + String.join(", ", known));
                continue;
            }
            if (out.containsKey(canonical)) {
                pass.error("given." + key, "given." + key + " is the same as given." + canonical + "; give it once");
                continue;
            }
            expected.put(canonical, key);
            JsonNode value = e.getValue();
            if (value.isObject() && value.has("random")) {
                pass.error("given." + key, "given." + key + " is drawn at random for each student: give a student id "
                        + "and the teacher's secret (--secret-file FILE or NNGRADE_SECRET) to make that student's variant");
                out.put(canonical, null);
                continue;
            }
            out.put(canonical, MatrixReader.read(value, "given." + key, pass::error));
        }
        for (String name : names) {
            if (!out.containsKey(name)) {
                pass.missing("given." + name, "is missing; " + missingWhat(name, network));
            }
        }
        if (pass.count() > errorsBefore) {
            return out;
        }
        shapes(out, expected, network);
        if (pass.count() == errorsBefore) {
            state(out, expected, kept, network);
        }
        return out;
    }

    private static boolean isState(String name) {
        for (String prefix : STATE) {
            if (name.startsWith(prefix) && name.length() > prefix.length()
                    && name.substring(prefix.length()).chars().allMatch(Character::isDigit)) {
                return true;
            }
        }
        return false;
    }

    /** Adam's steps already taken: a whole number from 0 to {@link #MAX_T}, only under adam. */
    private void t(JsonNode n, Optimizer optimizer, Map<String, Matrix> out) {
        if (!(optimizer instanceof Optimizer.Adam)) {
            pass.error("given.t", "given.t counts the steps Adam has taken, but the optimizer is "
                    + optimizer.label() + ": remove it, or set \"optimizer\": {\"name\": \"adam\"}");
            return;
        }
        boolean whole = n.isIntegralNumber()
                || (n.isBigDecimal() && n.decimalValue().stripTrailingZeros().scale() <= 0);
        if (!whole || !n.canConvertToInt() || n.asInt() < 0 || n.asInt() > MAX_T) {
            pass.error("given.t", "expected the steps Adam has already taken, a whole number from 0 to " + MAX_T
                    + ", found " + Fields.describe(n));
            return;
        }
        out.put("t", Matrix.scalar(n.asInt()));
    }

    /** Each state has its parameter's shape (vW1 is W1's); zeros stand for the state not given. */
    private void state(Map<String, Matrix> given, Map<String, String> names, List<String> kept, Network network) {
        for (String name : kept) {
            int l = Integer.parseInt(name.substring(2));
            String param = name.substring(1, 2) + l;
            Matrix p = given.get(param);
            Matrix s = given.get(name);
            if (s == null) {
                given.put(name, Matrix.zeros(p.rows(), p.cols()));
                continue;
            }
            if (!s.sameShape(p)) {
                String field = "given." + names.get(name);
                pass.error(field, field + " is " + s.shape() + ", but the state of " + param + " has its shape, "
                        + p.shape() + (p.rows() == 1 ? " (a flat list of " + p.cols() + " values)" : ""));
            }
        }
    }

    private static String missingWhat(String name, Network network) {
        if (name.equals("x")) {
            return "expected the inputs, one row of " + network.inputs() + " values per sample";
        }
        if (name.equals("y")) {
            return "expected the targets, one row of " + network.output().units() + " values per sample";
        }
        int l = Integer.parseInt(name.substring(1));
        if (name.startsWith("W")) {
            int[] s = network.weightShape(l);
            return "layer " + l + " needs its weights, a " + s[0] + "×" + s[1] + " matrix ("
                    + network.weightLayout().shapeWords() + " with weightLayout " + network.weightLayout().label() + ")";
        }
        return "layer " + l + " needs its biases, a list of " + network.layer(l).units() + " values";
    }

    private void shapes(Map<String, Matrix> given, Map<String, String> names, Network network) {
        Matrix x = given.get("x");
        Matrix y = given.get("y");
        String xf = "given." + names.get("x");
        String yf = "given." + names.get("y");
        long before = pass.count();
        if (x.cols() != network.inputs()) {
            pass.error(xf, xf + " is " + x.shape() + ", but network.inputs is " + network.inputs()
                    + ": each row of x is one sample of " + network.inputs() + " inputs");
        }
        int k = network.output().units();
        if (y.rows() != x.rows() || y.cols() != k) {
            pass.error(yf, yf + " is " + y.shape() + ", but needs " + x.rows() + "×" + k
                    + " (one row per sample of x, one column per output unit)");
        }
        for (int l = 1; l <= network.depth(); l++) {
            String wf = "given." + names.get("W" + l);
            Matrix w = given.get("W" + l);
            int[] s = network.weightShape(l);
            if (w.rows() != s[0] || w.cols() != s[1]) {
                pass.error(wf, wf + " is " + w.shape() + ", but layer " + l + " with weightLayout "
                        + network.weightLayout().label() + " needs " + s[0] + "×" + s[1]
                        + " (" + network.weightLayout().shapeWords() + ")");
            }
            String bf = "given." + names.get("b" + l);
            Matrix b = given.get("b" + l);
            int units = network.layer(l).units();
            if (b.rows() != 1 || b.cols() != units) {
                pass.error(bf, bf + " is " + b.shape() + ", but layer " + l + " has " + units
                        + " units: write it as a flat list of " + units + " values");
            }
        }
        if (pass.count() == before) {
            targets(y, yf, network);
        }
    }

    private void targets(Matrix y, String yf, Network network) {
        Loss loss = network.loss();
        for (int i = 0; i < y.rows(); i++) {
            double sum = 0;
            for (int j = 0; j < y.cols(); j++) {
                double v = y.get(i, j);
                if ((loss == Loss.BINARY_CROSS_ENTROPY || loss == Loss.CROSS_ENTROPY) && (v < 0 || v > 1)) {
                    pass.error(yf, yf + " row " + (i + 1) + ", column " + (j + 1) + " is " + Numbers.exact(v)
                            + ", but " + loss.label() + " needs targets between 0 and 1");
                    return;
                }
                sum += v;
            }
            if (loss == Loss.CROSS_ENTROPY && Math.abs(sum - 1) > 1e-9) {
                pass.error(yf, yf + " row " + (i + 1) + " sums to " + Numbers.exact(sum) + ", but cross-entropy needs "
                        + "each row of y to be one-hot or a probability distribution (summing to 1)");
                return;
            }
        }
    }
}
