package nngrade.problem;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import nngrade.input.BadInputException;
import nngrade.input.ErrorList;
import nngrade.input.Excerpts;
import nngrade.input.FileKind;
import nngrade.input.InputError;
import nngrade.input.JsonErrors;
import nngrade.input.JsonTrees;
import nngrade.input.TextFiles;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads a problem file (JSON, or YAML with the same fields) into a validated {@link Problem}.
 * Everything a teacher can get wrong is reported as an {@link InputError} naming the field.
 */
public final class ProblemLoader {
    /** Problem files are hand-written; anything larger is a mistake. */
    public static final long MAX_BYTES = 16L << 20;
    private static final FileKind FILE = new FileKind("a problem file", "a problem file", MAX_BYTES, null,
            "is not UTF-8 text", false);
    /**
     * The most multiply-adds one forward pass may take: 100 times the largest homework network, and
     * well under a second of solving (the backward pass takes twice as many).
     */
    public static final long MAX_WORK = 100_000_000L;
    /** SnakeYAML's own limit (its LoaderOptions.codePointLimit), checked before parsing. */
    static final int MAX_YAML_CHARS = 3 << 20;

    private static final List<String> TOP = List.of("id", "title", "statement", "network", "learningRate",
            "given", "ask", "tolerance", "points", "partialCredit", "followThrough", "constraints");
    /** Conditions a per-student variant must meet; see nngrade.variant.Constraints. */
    public static final List<String> CONSTRAINTS = List.of("maxAbsZ", "minOutputGap", "nonZeroInputRows", "maxTries");
    private static final List<String> NETWORK = List.of("inputs", "layers", "loss", "reduction", "weightLayout");
    private static final List<String> LAYER = List.of("units", "activation");
    private static final List<String> ACTIVATION = List.of("name", "alpha");
    private static final List<String> TOLERANCE = List.of("absolute", "relative", "decimals", "sigfigs");

    // NaN and Infinity are read as numbers so that they are refused at their field, with its path.
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    /** Made on first use: a JSON problem never pays for setting up YAML. */
    private static final class YamlParsers {
        static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
                        .build())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    private ProblemLoader() {
    }

    /** Reads and validates the problem in {@code path}. */
    public static Problem load(Path path) {
        return build(read(path));
    }

    /** Reads and parses {@code path} without validating it, e.g. to draw a variant from it first. */
    public static ProblemFile read(Path path) {
        String source = path.toString();
        return parseFile(source, TextFiles.readText(path, source, FILE));
    }

    /** Parses and validates problem text; YAML unless the file name or the first character says JSON. */
    public static Problem parse(String source, String text) {
        return build(parseFile(source, text));
    }

    /** Validates a parsed problem file into a problem. */
    public static Problem build(ProblemFile file) {
        return new Reader(file.source()).problem(file.root());
    }

    /** Parses problem text into a tree, refusing what is not a JSON or YAML object. */
    public static ProblemFile parseFile(String source, String text) {
        // the text is kept as read, a byte-order mark included: variants are drawn from it
        String body = TextFiles.withoutBom(text);
        if (body.isBlank()) {
            throw new BadInputException(InputError.inFile(source, "is empty; expected a problem (JSON or YAML)"));
        }
        boolean yaml = source.endsWith(".yaml") || source.endsWith(".yml")
                || (!source.endsWith(".json") && !body.stripLeading().startsWith("{"));
        if (yaml && body.length() > MAX_YAML_CHARS) {
            // SnakeYAML refuses more anyway, but only after a scan that takes minutes on one long line
            throw new BadInputException(InputError.inFile(source, "is a YAML file of over " + (MAX_YAML_CHARS >> 20)
                    + " MB; a YAML problem file is at most " + (MAX_YAML_CHARS >> 20) + " MB (write it as JSON, up to "
                    + (MAX_BYTES >> 20) + " MB)"));
        }
        JsonNode root;
        try {
            if (yaml) {
                root = YamlParsers.YAML.readTree(body);
            } else {
                try (JsonParser p = JSON.createParser(body)) {
                    root = JsonTrees.document(p, JsonTrees.Floats.DECIMALS);
                }
            }
        } catch (JsonProcessingException e) {
            throw new BadInputException(syntaxError(source, yaml, e));
        } catch (java.io.IOException e) { // text in memory: not expected
            throw new BadInputException(InputError.inFile(source, "cannot be read: " + e.getMessage()));
        }
        if (root == null || root.isMissingNode()
                || (yaml && (root.isNull() || (root.isTextual() && root.asText().isEmpty())))) {
            // a YAML file of nothing but comments, or a lone "---"
            throw new BadInputException(InputError.inFile(source, "is empty; expected a problem (JSON or YAML)"));
        }
        if (!root.isObject()) {
            throw new BadInputException(InputError.inFile(source,
                    "expected an object with the fields of a problem, found " + Fields.describe(root)));
        }
        return new ProblemFile(source, text, (com.fasterxml.jackson.databind.node.ObjectNode) root);
    }

    /** The one line for a file the JSON or YAML parser refused, with the line (and field, where known). */
    private static InputError syntaxError(String source, boolean yaml, JsonProcessingException e) {
        String what = yaml ? "invalid YAML: " : "invalid JSON: ";
        int line = JsonErrors.line(e);
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String field = JsonErrors.field(e);
        if (original.startsWith("Duplicate field '") && field != null) {
            return new InputError(source, line, field, field + " appears twice; give each field once");
        }
        if (original.startsWith("Malformed numeric value '") && field != null) {
            // YAML's .nan and .inf, which the YAML parser cannot turn into a decimal
            String value = original.substring("Malformed numeric value '".length(), original.length() - 1);
            String reason = Numbers.parse(value) instanceof Numbers.NotANumber n ? n.reason()
                    : "\"" + Excerpts.shown(value) + "\" is not a number";
            return new InputError(source, line, field, reason);
        }
        if (original.startsWith("Trailing token")) {
            return InputError.atLine(source, line, what + (yaml
                    ? "a second document (after \"---\") follows the problem; a problem file holds one document"
                    : "more text follows the end of the problem object; a problem file holds one object"));
        }
        if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
            String msg = m.getProblem() == null ? "" : m.getProblem();
            if (m.getContext() != null && m.getContextMark() != null) {
                msg += " (" + m.getContext() + " that starts on line " + (m.getContextMark().getLine() + 1) + ")";
            }
            return InputError.atLine(source, m.getProblemMark().getLine() + 1,
                    what + oneLineOf(msg) + " (column " + (m.getProblemMark().getColumn() + 1) + ")");
        }
        String msg = Excerpts.clipQuoted(forTeachers(JsonErrors.text(e)));
        if (line > 0) {
            return InputError.atLine(source, line, what + msg + " (column " + JsonErrors.column(e) + ")");
        }
        return InputError.inFile(source, what + msg);
    }

    /** Jackson's wording (its internals already left out) in the words of the problem format's documentation. */
    private static String forTeachers(String m) {
        var eof = Pattern.compile("Unexpected end-of-input: expected close marker for (Object|Array) "
                + "\\(start marker at line (\\d+), column \\d+\\)").matcher(m);
        if (eof.find()) {
            boolean object = eof.group(1).equals("Object");
            return "the file ends inside the " + (object ? "object" : "list") + " opened on line " + eof.group(2)
                    + " (a closing " + (object ? "}" : "]") + " is missing)";
        }
        return m.replaceAll("\\(start marker at line (\\d+), column \\d+\\)", "(opened on line $1)")
                .replaceAll("Unexpected character \\('(.)' \\(code \\d+\\)\\)", "unexpected character '$1'")
                .replace("maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' "
                        + "not enabled for parser)", "JSON has no comments (YAML has, after #)")
                .replace("(JSON String, Number (or 'NaN'/'+INF'/'-INF'), Array, Object or token 'null', 'true' or 'false')",
                        "(a number, a \"string\", a list, an object, true, false or null)")
                .replaceAll("\\(for Object starting at line (\\d+), column \\d+\\)", "(to close the object opened on line $1)")
                .replaceAll("\\(for Array starting at line (\\d+), column \\d+\\)", "(to close the list opened on line $1)")
                .replaceAll(": enable `[^`]*` to allow", "")
                .replaceAll("Expected a field name \\(Scalar value in YAML\\), got this instead: <.*>",
                        "a field name must be plain text, not a list or an object")
                // a unicode escape cut short by the end of the file: "failed to tokenize due to (java.lang.NumberFormatException)"
                .replaceAll("Malformed Number token: failed to tokenize due to \\(java\\.lang\\.NumberFormatException\\).*",
                        "an escape such as \\\\u00e9 needs its 4 hexadecimal digits");
    }

    /** The first line of a message, with tabs and other control characters shown as spaces. */
    private static String oneLineOf(String m) {
        return Excerpts.clipQuoted(m.lines().findFirst().orElse("").replaceAll("\\p{Cntrl}", " ").strip());
    }

    /** One pass over one file, collecting every error it can before giving up. */
    private static final class Reader {
        private final String source;
        private final ErrorList errors;
        /** Fields an unknown name was taken to be a typo of: their "is missing" would repeat the error. */
        private final Set<String> misspelled = new HashSet<>();

        Reader(String source) {
            this.source = source;
            this.errors = new ErrorList(source);
        }

        /** Records an error; a message such as "is missing" or "must be ≥ 0" is prefixed with the field. */
        private void error(String field, String message) {
            boolean verb = message.startsWith("is ") || message.startsWith("must ");
            errors.add(InputError.atField(source, field, verb ? field + " " + message : message));
        }

        /** "is missing", unless an unknown field that looks like a typo of it was already reported. */
        private void missing(String field, String message) {
            if (!misspelled.contains(field)) {
                error(field, message);
            }
        }

        /** Reports every field of {@code node} not in {@code known}, suggesting the one meant. */
        private void unknownFields(JsonNode node, List<String> known, String prefix, String what) {
            for (String name : Fields.unknown(node, known)) {
                String path = prefix.isEmpty() ? Excerpts.pathName(name) : prefix + "." + Excerpts.pathName(name);
                error(path, Fields.unknownMessage(what, name, known));
                String meant = Fields.closest(name, known);
                if (meant != null) {
                    misspelled.add(prefix.isEmpty() ? meant : prefix + "." + meant);
                }
            }
        }

        private void stopIfErrors() {
            errors.throwIfAny();
        }

        Problem problem(JsonNode root) {
            unknownFields(root, TOP, "", "field");
            String id = text(root, "id", baseName(source));
            String title = text(root, "title", id);
            String statement = text(root, "statement", "");
            Network network = network(root.path("network"));
            Double learningRate = learningRate(root.get("learningRate"));
            double followThrough = followThrough(root.get("followThrough"));
            boolean partialCredit = bool(root, "partialCredit");
            constraints(root.get("constraints"));
            if (network == null) {
                stopIfErrors(); // the rest is checked against the network
            }

            Map<String, Matrix> given = given(root.get("given"), network);
            List<Quantity> ask = ask(root.get("ask"), network.depth());
            Problem.Tolerances tolerance = tolerances(root.get("tolerance"), network.depth());
            Problem.Points points = points(root.get("points"), network.depth());
            stopIfErrors();
            size(network, given.get("x").rows());
            stopIfErrors();

            int layers = network.depth();
            List<Matrix> w = new ArrayList<>();
            List<Matrix> b = new ArrayList<>();
            for (int l = 1; l <= layers; l++) {
                w.add(given.get("W" + l));
                b.add(given.get("b" + l));
            }
            return new Problem(source, id, title, statement, network, learningRate, given.get("x"),
                    given.get("y"), w, b, ask, tolerance, points, partialCredit, followThrough);
        }

        /**
         * Refuses a problem whose answer key no homework needs and no machine should be asked for:
         * a quantity of over {@link MatrixReader#MAX_CELLS} values (z of m samples × units), or a
         * pass of over {@link #MAX_WORK} multiply-adds (m × inputs × units, summed over the layers).
         */
        private void size(Network network, int m) {
            long work = 0;
            for (int l = 1; l <= network.depth(); l++) {
                long units = network.layer(l).units();
                if (m * units > MatrixReader.MAX_CELLS) {
                    error("network.layers[" + (l - 1) + "].units", "z" + l + " of " + m + " samples × " + units
                            + " units would hold " + m * units + " values; nngrade solves problems whose quantities "
                            + "hold at most " + MatrixReader.MAX_CELLS + ": use fewer samples or units");
                    return;
                }
                work += m * network.inputsOf(l) * units;
            }
            if (work > MAX_WORK) {
                error("network", "one pass over this network takes " + work + " multiply-adds (samples × inputs × units, "
                        + "summed over the layers); nngrade solves problems of at most " + MAX_WORK
                        + ": use fewer samples, inputs or units");
            }
        }

        /** The variant constraints are used when drawing; here only their form is checked. */
        private void constraints(JsonNode n) {
            if (n == null) {
                return;
            }
            if (!n.isObject()) {
                error("constraints", "expected an object such as {\"maxAbsZ\": 4}, found " + Fields.describe(n));
                return;
            }
            unknownFields(n, CONSTRAINTS, "constraints", "constraint");
            nonNegative(n.get("maxAbsZ"), "constraints.maxAbsZ");
            nonNegative(n.get("minOutputGap"), "constraints.minOutputGap");
            JsonNode nz = n.get("nonZeroInputRows");
            if (nz != null && !nz.isBoolean()) {
                error("constraints.nonZeroInputRows", "expected true or false, found " + Fields.describe(nz));
            }
            JsonNode tries = n.get("maxTries");
            if (tries != null && (!tries.canConvertToInt() || tries.asInt() < 1 || !tries.isIntegralNumber())) {
                error("constraints.maxTries", "expected a whole number ≥ 1, found " + Fields.describe(tries));
            }
        }

        private String text(JsonNode root, String field, String fallback) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) {
                return fallback;
            }
            if (!n.isTextual()) {
                error(field, "expected text, found " + Fields.describe(n));
                return fallback;
            }
            return n.asText();
        }

        private boolean bool(JsonNode root, String field) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) {
                return false;
            }
            if (!n.isBoolean()) {
                error(field, "expected true or false, found " + Fields.describe(n));
                return false;
            }
            return n.asBoolean();
        }

        private Double learningRate(JsonNode n) {
            if (n == null) {
                missing("learningRate", "is missing; the step W_next = W − η·dW needs the learning rate η");
                return null;
            }
            Double v = number(n, "learningRate");
            if (v != null && v <= 0) {
                error("learningRate", "must be positive, found " + Numbers.exact(v));
            }
            return v;
        }

        private double followThrough(JsonNode n) {
            if (n == null) {
                return 1.0;
            }
            Double v = number(n, "followThrough");
            if (v != null && (v < 0 || v > 1)) {
                error("followThrough", "must be between 0 and 1 (the share of points kept), found " + Numbers.exact(v));
            }
            return v == null ? 1.0 : v;
        }

        private Double number(JsonNode n, String field) {
            Numbers.Parsed p = n.isNumber() ? Numbers.finite(n.doubleValue(), n.asText())
                    : n.isTextual() ? Numbers.parse(n.asText())
                    : new Numbers.NotANumber("expected a number, found " + Fields.describe(n));
            if (p instanceof Numbers.Value v) {
                return v.value();
            }
            error(field, ((Numbers.NotANumber) p).reason());
            return null;
        }

        private Integer positiveInt(JsonNode n, String field, String what) {
            if (n == null) {
                missing(field, "is missing; expected " + what);
                return null;
            }
            boolean whole = n.isIntegralNumber()
                    || (n.isBigDecimal() && n.decimalValue().stripTrailingZeros().scale() <= 0); // 3.0
            if (!whole || !n.canConvertToInt() || n.asInt() < 1) {
                error(field, "expected " + what + " (a whole number ≥ 1), found " + Fields.describe(n));
                return null;
            }
            return n.asInt();
        }

        private Network network(JsonNode n) {
            if (n.isMissingNode()) {
                missing("network", "is missing; expected inputs, layers, loss");
                return null;
            }
            if (!n.isObject()) {
                error("network", "expected an object with inputs, layers, loss, found " + Fields.describe(n));
                return null;
            }
            unknownFields(n, NETWORK, "network", "field");
            Integer inputs = positiveInt(n.get("inputs"), "network.inputs", "the number of inputs");
            List<Layer> layers = layers(n.get("layers"));
            Loss loss = null;
            JsonNode lossNode = n.get("loss");
            if (lossNode == null) {
                missing("network.loss", "is missing; expected one of " + Loss.labels());
            } else {
                loss = lossNode.isTextual() ? Loss.byLabel(lossNode.asText()) : null;
                if (loss == null) {
                    unknownLabel("network.loss", "loss", lossNode, List.of(Loss.labels().split(", ")),
                            "one of " + Loss.labels());
                }
            }
            Reduction reduction = Reduction.MEAN;
            JsonNode red = n.get("reduction");
            if (red != null) {
                reduction = red.isTextual() ? Reduction.byLabel(red.asText()) : null;
                if (reduction == null) {
                    unknownLabel("network.reduction", "reduction", red, List.of("mean", "sum"), "mean or sum");
                }
            }
            WeightLayout layout = WeightLayout.OUT_IN;
            JsonNode lay = n.get("weightLayout");
            if (lay != null) {
                layout = lay.isTextual() ? WeightLayout.byLabel(lay.asText()) : null;
                if (layout == null) {
                    unknownLabel("network.weightLayout", "weightLayout", lay, List.of("out-in", "in-out"),
                            "out-in (W is units × inputs) or in-out (W is inputs × units)");
                }
            }
            if (inputs == null || layers == null || loss == null || reduction == null || layout == null) {
                return null;
            }
            Network network = new Network(inputs, layers, loss, reduction, layout);
            Activation out = network.output().activation();
            if (loss.usesLog() && !(out instanceof Activation.Sigmoid || out instanceof Activation.Softmax)) {
                error("network.loss", loss.label() + " takes the log of the outputs, so the output layer needs "
                        + "sigmoid or softmax (probabilities), not " + out.name());
            }
            return network;
        }

        /** "unknown loss "crossentropy" (did you mean "cross-entropy"?); expected one of …". */
        private void unknownLabel(String field, String what, JsonNode n, List<String> labels, String expected) {
            if (!n.isTextual()) {
                error(field, "expected the " + what + " as text (" + expected + "), found " + Fields.describe(n));
                return;
            }
            String meant = Fields.closest(n.asText(), labels);
            error(field, "unknown " + what + " " + Fields.describe(n)
                    + (meant == null ? "" : " (did you mean \"" + meant + "\"?)") + "; expected " + expected);
        }

        private List<Layer> layers(JsonNode n) {
            if (n == null) {
                missing("network.layers", "is missing; expected a list of layers such as [{\"units\": 3, \"activation\": \"softmax\"}]");
                return null;
            }
            if (!n.isArray() || n.isEmpty()) {
                error("network.layers", "expected a non-empty list of layers, found " + Fields.describe(n));
                return null;
            }
            List<Layer> layers = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < n.size(); i++) {
                String path = "network.layers[" + i + "]";
                JsonNode l = n.get(i);
                if (!l.isObject()) {
                    error(path, "layer " + (i + 1) + ": expected an object with units and activation, found " + Fields.describe(l));
                    ok = false;
                    continue;
                }
                unknownFields(l, LAYER, path, "field");
                Integer units = positiveInt(l.get("units"), path + ".units", "the number of units of layer " + (i + 1));
                Activation act = activation(l.get("activation"), path + ".activation", i + 1);
                if (units == null || act == null) {
                    ok = false;
                    continue;
                }
                if (act instanceof Activation.Softmax && units == 1) {
                    error(path, "layer " + (i + 1) + " is softmax over 1 unit, which always outputs 1; "
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
                missing(path, "is missing; expected one of " + Activation.names());
                return null;
            }
            String name;
            double alpha = Activation.DEFAULT_LEAKY_SLOPE;
            if (n.isObject()) {
                unknownFields(n, ACTIVATION, path, "field");
                JsonNode nameNode = n.get("name");
                if (nameNode == null) {
                    missing(path + ".name", "is missing; expected one of " + Activation.names());
                    return null;
                }
                if (!nameNode.isTextual()) {
                    error(path + ".name", "expected an activation name, found " + Fields.describe(nameNode));
                    return null;
                }
                name = nameNode.asText();
                JsonNode a = n.get("alpha");
                if (a != null) {
                    if (!"leaky-relu".equals(name)) {
                        error(path + ".alpha", "only leaky-relu has a slope alpha, not " + Excerpts.shown(name));
                        return null;
                    }
                    Double v = number(a, path + ".alpha");
                    if (v == null) {
                        return null;
                    }
                    if (v < 0 || v >= 1) {
                        error(path + ".alpha", "the leaky-relu slope must be in [0, 1), found " + Numbers.exact(v));
                        return null;
                    }
                    alpha = v;
                }
            } else if (n.isTextual()) {
                name = n.asText();
            } else {
                error(path, "expected an activation name, found " + Fields.describe(n));
                return null;
            }
            Activation act = Activation.byName(name, alpha);
            if (act == null) {
                String suggestion = Fields.closest(name, List.of("sigmoid", "tanh", "relu", "leaky-relu", "linear", "softmax"));
                error(path, "layer " + layer + " has unknown activation \"" + Excerpts.shown(name) + "\""
                        + (suggestion == null ? "" : " (did you mean \"" + suggestion + "\"?)")
                        + "; expected one of " + Activation.names());
            }
            return act;
        }

        /** x, y, Wl, bl, checked against the network; keys are canonical (W1, not W). */
        private Map<String, Matrix> given(JsonNode n, Network network) {
            Map<String, Matrix> out = new HashMap<>();
            if (n == null) {
                missing("given", "is missing; expected x, y and the weights and biases of every layer");
                return out;
            }
            if (!n.isObject()) {
                error("given", "expected an object with x, y, W1, b1, …, found " + Fields.describe(n));
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
            long errorsBefore = errors.count();
            for (var it = n.fields(); it.hasNext(); ) {
                var e = it.next();
                String key = e.getKey();
                String canonical = layers == 1 && (key.equals("W") || key.equals("b")) ? key + "1" : key;
                if (!expected.containsKey(canonical)) {
                    String meant = Fields.closest(key, names);
                    if (meant != null) {
                        misspelled.add("given." + meant);
                    }
                    String field = "given." + Excerpts.pathName(key);
                    error(field, field + " is not a given of this " + layers + "-layer network"
                            + (meant == null ? "" : " (did you mean \"" + meant + "\"?)")
                            + "; expected " + String.join(", ", names));
                    continue;
                }
                if (out.containsKey(canonical)) {
                    error("given." + key, "given." + key + " is the same as given." + canonical + "; give it once");
                    continue;
                }
                expected.put(canonical, key);
                JsonNode value = e.getValue();
                if (value.isObject() && value.has("random")) {
                    error("given." + key, "given." + key + " is drawn at random for each student: give a student id "
                            + "and the teacher's secret (--secret-file FILE or NNGRADE_SECRET) to make that student's variant");
                    out.put(canonical, null);
                    continue;
                }
                out.put(canonical, MatrixReader.read(value, "given." + key, this::error));
            }
            for (String name : names) {
                if (!out.containsKey(name)) {
                    missing("given." + name, "is missing; " + missingWhat(name, network));
                }
            }
            if (errors.count() > errorsBefore) {
                return out;
            }
            shapes(out, expected, network);
            return out;
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
            long before = errors.count();
            if (x.cols() != network.inputs()) {
                error(xf, xf + " is " + x.shape() + ", but network.inputs is " + network.inputs()
                        + ": each row of x is one sample of " + network.inputs() + " inputs");
            }
            int k = network.output().units();
            if (y.rows() != x.rows() || y.cols() != k) {
                error(yf, yf + " is " + y.shape() + ", but needs " + x.rows() + "×" + k
                        + " (one row per sample of x, one column per output unit)");
            }
            for (int l = 1; l <= network.depth(); l++) {
                String wf = "given." + names.get("W" + l);
                Matrix w = given.get("W" + l);
                int[] s = network.weightShape(l);
                if (w.rows() != s[0] || w.cols() != s[1]) {
                    error(wf, wf + " is " + w.shape() + ", but layer " + l + " with weightLayout "
                            + network.weightLayout().label() + " needs " + s[0] + "×" + s[1]
                            + " (" + network.weightLayout().shapeWords() + ")");
                }
                String bf = "given." + names.get("b" + l);
                Matrix b = given.get("b" + l);
                int units = network.layer(l).units();
                if (b.rows() != 1 || b.cols() != units) {
                    error(bf, bf + " is " + b.shape() + ", but layer " + l + " has " + units
                            + " units: write it as a flat list of " + units + " values");
                }
            }
            if (errors.count() == before) {
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
                        error(yf, yf + " row " + (i + 1) + ", column " + (j + 1) + " is " + Numbers.exact(v)
                                + ", but " + loss.label() + " needs targets between 0 and 1");
                        return;
                    }
                    sum += v;
                }
                if (loss == Loss.CROSS_ENTROPY && Math.abs(sum - 1) > 1e-9) {
                    error(yf, yf + " row " + (i + 1) + " sums to " + Numbers.exact(sum) + ", but cross-entropy needs "
                            + "each row of y to be one-hot or a probability distribution (summing to 1)");
                    return;
                }
            }
        }

        private List<Quantity> ask(JsonNode n, int layers) {
            if (n == null) {
                return Quantity.all(layers);
            }
            if (!n.isArray() || n.isEmpty()) {
                error("ask", "expected a non-empty list of quantity names, found " + Fields.describe(n));
                return List.of();
            }
            List<Quantity> out = new ArrayList<>();
            for (int i = 0; i < n.size(); i++) {
                String path = "ask[" + i + "]";
                JsonNode e = n.get(i);
                if (!e.isTextual()) {
                    error(path, "expected a quantity name, found " + Fields.describe(e));
                    continue;
                }
                Quantity q = quantity(e.asText(), path, layers);
                if (q == null) {
                    continue;
                }
                if (out.contains(q)) {
                    error(path, "\"" + Excerpts.shown(e.asText()) + "\" is asked twice");
                    continue;
                }
                out.add(q);
            }
            return out;
        }

        private Quantity quantity(String name, String path, int layers) {
            var q = Quantity.parse(name, layers);
            if (q.isEmpty()) {
                String meant = name.equals("a" + layers) || (layers == 1 && name.equals("a")) ? "yhat" // a_L is ŷ
                        : Fields.closest(name, List.of(Quantity.namesOf(layers).split(", ")));
                error(path, "\"" + Excerpts.shown(name) + "\" is not a quantity of this " + layers + "-layer network"
                        + (meant == null ? "" : " (did you mean \"" + meant + "\"?)")
                        + "; expected one of " + Quantity.namesOf(layers));
                return null;
            }
            return q.get();
        }

        private Problem.Tolerances tolerances(JsonNode n, int layers) {
            Tolerance byDefault = Tolerance.DEFAULT;
            Map<Quantity, Tolerance> per = new HashMap<>();
            if (n == null) {
                return new Problem.Tolerances(byDefault, per);
            }
            if (!n.isObject()) {
                error("tolerance", "expected an object such as {\"default\": {\"absolute\": 0.01}}, found " + Fields.describe(n));
                return new Problem.Tolerances(byDefault, per);
            }
            for (var it = n.fields(); it.hasNext(); ) {
                var e = it.next();
                String path = "tolerance." + Excerpts.pathName(e.getKey());
                Tolerance t = tolerance(e.getValue(), path);
                if (e.getKey().equals("default")) {
                    if (t != null) {
                        byDefault = t;
                    }
                } else {
                    Quantity q = quantity(e.getKey(), path, layers);
                    if (q != null && t != null) {
                        per.put(q, t);
                    }
                }
            }
            return new Problem.Tolerances(byDefault, per);
        }

        /** Parses one tolerance object; also used for the command line's {@code --tolerance}. */
        private Tolerance tolerance(JsonNode n, String path) {
            if (!n.isObject()) {
                error(path, "expected an object such as {\"absolute\": 0.01}, found " + Fields.describe(n));
                return null;
            }
            for (String f : Fields.unknown(n, TOLERANCE)) {
                error(path + "." + Excerpts.pathName(f), Fields.unknownMessage("tolerance", f, TOLERANCE));
            }
            Double abs = nonNegative(n.get("absolute"), path + ".absolute");
            Double rel = nonNegative(n.get("relative"), path + ".relative");
            Double dec = nonNegative(n.get("decimals"), path + ".decimals");
            Double sig = nonNegative(n.get("sigfigs"), path + ".sigfigs");
            int kinds = (abs != null || rel != null ? 1 : 0) + (dec != null ? 1 : 0) + (sig != null ? 1 : 0);
            if (kinds == 0) {
                if (n.isEmpty()) {
                    error(path, "is empty; expected absolute and/or relative, or decimals, or sigfigs");
                }
                return null;
            }
            if (kinds > 1) {
                error(path, "combines decimals or sigfigs with another tolerance; use absolute and/or relative, "
                        + "or decimals, or sigfigs");
                return null;
            }
            if (dec != null) {
                return wholeNumber(dec, path + ".decimals", 0) ? new Tolerance.Decimals(dec.intValue()) : null;
            }
            if (sig != null) {
                return wholeNumber(sig, path + ".sigfigs", 1) ? new Tolerance.SigFigs(sig.intValue()) : null;
            }
            return new Tolerance.Bound(abs == null ? 0 : abs, rel == null ? 0 : rel);
        }

        private boolean wholeNumber(double v, String path, int min) {
            if (v != Math.rint(v) || v < min || v > 15) {
                error(path, "expected a whole number from " + min + " to 15, found " + Numbers.exact(v));
                return false;
            }
            return true;
        }

        private Double nonNegative(JsonNode n, String path) {
            if (n == null) {
                return null;
            }
            Double v = number(n, path);
            if (v != null && v < 0) {
                error(path, "must be ≥ 0, found " + Numbers.exact(v));
                return null;
            }
            return v;
        }

        private Problem.Points points(JsonNode n, int layers) {
            double byDefault = 1;
            Map<Quantity, Double> per = new HashMap<>();
            if (n == null) {
                return new Problem.Points(byDefault, per);
            }
            if (!n.isObject()) {
                error("points", "expected an object such as {\"default\": 1, \"dW1\": 2}, found " + Fields.describe(n));
                return new Problem.Points(byDefault, per);
            }
            for (var it = n.fields(); it.hasNext(); ) {
                var e = it.next();
                String path = "points." + Excerpts.pathName(e.getKey());
                Double v = nonNegative(e.getValue(), path);
                if (e.getKey().equals("default")) {
                    if (v != null) {
                        byDefault = v;
                    }
                } else {
                    Quantity q = quantity(e.getKey(), path, layers);
                    if (q != null && v != null) {
                        per.put(q, v);
                    }
                }
            }
            return new Problem.Points(byDefault, per);
        }
    }

    /** A tolerance from the command line, e.g. {@code decimals=2} or {@code absolute=0.01,relative=0.01}. */
    public static Tolerance parseTolerance(String spec) {
        var node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (String part : spec.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new BadInputException(InputError.atField("command line", "--tolerance",
                        "expected kind=value such as decimals=2 or absolute=0.01, found \"" + Excerpts.shown(spec) + "\""));
            }
            node.put(kv[0].strip(), kv[1].strip());
        }
        Reader r = new Reader("command line");
        Tolerance t = r.tolerance(node, "--tolerance");
        r.stopIfErrors();
        return t;
    }

    private static String baseName(String source) {
        String name = Path.of(source).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

}
