package nngrade.check;

import nngrade.problem.Activation;
import nngrade.problem.Layer;
import nngrade.problem.Loss;
import nngrade.problem.Matrix;
import nngrade.problem.Network;
import nngrade.problem.Optimizer;
import nngrade.problem.Problem;
import nngrade.problem.ProblemFile;
import nngrade.problem.ProblemLoader;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.problem.Reduction;
import nngrade.problem.Tolerance;
import nngrade.problem.WeightLayout;
import nngrade.variant.Secret;
import nngrade.variant.Variants;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The problems the simulated students answer: the bundled ones of problems/ and random ones.
 * Each asks for every quantity (so the student's own value of everything upstream is in the
 * submission) with the whole follow-through share, and no partial credit.
 */
final class SlipProblems {
    private SlipProblems() {
    }

    static final List<String> ACTIVATIONS = List.of("sigmoid", "tanh", "relu", "leaky-relu", "linear", "softmax");

    /** problems/*.json and *.yaml, by name; a problem with generators as the variant of one student. */
    static List<String> bundledFiles() {
        try (Stream<Path> files = Files.list(Path.of("problems"))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".json") || n.endsWith(".yaml") || n.endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isGraph(String file) {
        return ProblemLoader.read(Path.of("problems", file)).root().has("graph");
    }

    static Problem bundled(String file) {
        ProblemFile f = ProblemLoader.read(Path.of("problems", file));
        Problem p = f.hasGenerators() ? Variants.of(f, "ana.popescu", Secret.of("slips")).problem() : ProblemLoader.build(f);
        return new Problem(p.source(), p.id(), p.title(), p.statement(), p.network(), p.learningRate(), p.x(), p.y(),
                p.weights(), p.biases(), p.quantities().all(), p.tolerance(), p.points(), false, 1.0, p.l2(), p.optimizer(),
                p.steps(), p.t(), p.state(), null);
    }

    /**
     * A random problem: 1–3 layers of 1–4 units (softmax 2–4), 1–4 inputs, 1–5 samples, either
     * layout and reduction, any loss with an output activation the spec allows it, η sometimes
     * exactly 1, a random tolerance. Given values have one decimal, as a teacher writes them;
     * relu and leaky-relu inputs stay 0.05 from the kink, and probabilities under a log loss
     * within (0.01, 0.99), so the key is no knife edge.
     */
    static Problem random(Random rnd, String id) {
        Loss loss = Loss.values()[rnd.nextInt(Loss.values().length)];
        List<String> outputs = loss.usesLog() ? List.of("sigmoid", "softmax") : ACTIVATIONS;
        List<Layer> layers = new ArrayList<>();
        int hidden = rnd.nextInt(3);
        for (int i = 0; i < hidden; i++) {
            layers.add(layer(rnd, ACTIVATIONS.get(rnd.nextInt(ACTIVATIONS.size()))));
        }
        layers.add(layer(rnd, outputs.get(rnd.nextInt(outputs.size()))));
        Network network = new Network(1 + rnd.nextInt(4), layers, loss, rnd.nextBoolean() ? Reduction.MEAN : Reduction.SUM,
                rnd.nextBoolean() ? WeightLayout.OUT_IN : WeightLayout.IN_OUT);
        int m = 1 + rnd.nextInt(5);
        Matrix y = targets(rnd, loss, m, network.output().units());
        double eta = rnd.nextInt(4) == 0 ? 1 : Student.round(0.05 + 1.95 * rnd.nextDouble(), 2);
        Problem.Tolerances tolerances = new Problem.Tolerances(tolerance(rnd), Map.of());
        Problem.Points points = new Problem.Points(1, Map.of(Quantity.of(Kind.DW, 1), 2.0));
        // a third with an L2 penalty, drawn aside so that the other draws stay those of the cases before L2
        Random aside = new Random(id.hashCode());
        double l2 = List.of(0.0, 0.0, 0.1, 0.0, 0.0, 0.5).get(aside.nextInt(6));
        Optimizer optimizer = optimizer(aside); // five in eight
        int steps = List.of(1, 1, 1, 2, 2, 3).get(aside.nextInt(6));
        int t = optimizer instanceof Optimizer.Adam ? aside.nextInt(4) : 0;
        if (steps > 1) {
            eta = Math.max(0.05, Student.round(eta / 4, 2));
        }
        if (optimizer instanceof Optimizer.RmsProp || optimizer instanceof Optimizer.Adam) {
            eta = Student.round(eta / 20, 3); // each weight moves by about η a step: keep the later steps' z moderate
        }
        for (int attempt = 0; attempt < 10_000; attempt++) {
            Matrix x = uniform(rnd, m, network.inputs(), 2);
            List<Matrix> w = new ArrayList<>();
            List<Matrix> b = new ArrayList<>();
            for (int l = 1; l <= network.depth(); l++) {
                int[] shape = network.weightShape(l);
                w.add(uniform(rnd, shape[0], shape[1], 1));
                b.add(uniform(rnd, 1, network.layer(l).units(), 1));
            }
            Map<String, Matrix> state = new HashMap<>();
            for (int l = 1; l <= network.depth(); l++) {
                int[] shape = network.weightShape(l);
                for (Kind k : optimizer.stateOfW()) {
                    state.put(k.statePrefix() + l, stateValues(aside, optimizer, k, shape[0], shape[1]));
                }
                for (Kind k : optimizer.stateOfB()) {
                    state.put(k.statePrefix() + l, stateValues(aside, optimizer, k, 1, network.layer(l).units()));
                }
            }
            Problem sized = new Problem("random", id, id, "", network, eta, x, y, w, b, List.of(), tolerances, points,
                    false, 1.0, l2, optimizer, steps, t, state, null);
            Problem p = new Problem("random", id, id, "", network, eta, x, y, w, b, sized.quantities().all(),
                    tolerances, points, false, 1.0, l2, optimizer, steps, t, state, null);
            if (usable(p)) {
                return p;
            }
        }
        throw new IllegalStateException("no usable draw for " + id);
    }

    private static Optimizer optimizer(Random rnd) {
        return switch (rnd.nextInt(8)) {
            case 0, 1 -> new Optimizer.Momentum(0.9, rnd.nextBoolean() ? 0 : 0.9);
            case 2 -> new Optimizer.RmsProp(0.9, 1e-8);
            case 3, 4 -> new Optimizer.Adam(0.9, 0.999, 1e-8);
            default -> Optimizer.SGD;
        };
    }

    /** Given state of one decimal; RMSprop's s and Adam's v are running means of squares, so not negative. */
    private static Matrix stateValues(Random rnd, Optimizer o, Kind k, int rows, int cols) {
        boolean squares = k == Kind.SW_NEXT || k == Kind.SB_NEXT
                || (o instanceof Optimizer.Adam && (k == Kind.VW_NEXT || k == Kind.VB_NEXT));
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double v = Student.round(2 * rnd.nextDouble() - 1, 1);
                out[i][j] = squares ? Math.abs(v) + 0.1 : v;
            }
        }
        return Matrix.of(out);
    }

    private static boolean usable(Problem p) {
        Map<Quantity, double[][]> key = Student.key(p);
        for (double[][] v : key.values()) {
            if (!Student.finite(v)) {
                return false;
            }
        }
        for (var e : key.entrySet()) {
            Quantity q = e.getKey();
            if (q.kind() != Kind.Z) {
                continue;
            }
            Activation f = p.network().layer(q.layer()).activation();
            if (f instanceof Activation.Relu || f instanceof Activation.LeakyRelu) {
                for (double[] row : e.getValue()) {
                    for (double v : row) {
                        if (Math.abs(v) < 0.05) {
                            return false;
                        }
                    }
                }
            }
        }
        for (var e : key.entrySet()) {
            if (e.getKey().kind() != Kind.YHAT || !p.network().loss().usesLog()) {
                continue;
            }
            // later steps of a fixed batch fit it: their outputs near 0 and 1 are what training does
            double edge = e.getKey().step() == 1 ? 0.01 : 0.001;
            for (double[] row : e.getValue()) {
                for (double v : row) {
                    if (v < edge || v > 1 - edge) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static Tolerance tolerance(Random rnd) {
        return switch (rnd.nextInt(7)) {
            case 0, 1 -> new Tolerance.Bound(0.01, 0);
            case 2 -> new Tolerance.Bound(0.001, 0);
            case 3 -> new Tolerance.Bound(0, 0.01);
            case 4 -> new Tolerance.Bound(0.001, 0.01);
            case 5 -> new Tolerance.Decimals(2 + rnd.nextInt(2));
            default -> new Tolerance.SigFigs(2 + rnd.nextInt(2));
        };
    }

    private static Layer layer(Random rnd, String activation) {
        int units = activation.equals("softmax") ? 2 + rnd.nextInt(3) : 1 + rnd.nextInt(4);
        Activation f = switch (activation) {
            case "sigmoid" -> new Activation.Sigmoid();
            case "tanh" -> new Activation.Tanh();
            case "relu" -> new Activation.Relu();
            case "leaky-relu" -> new Activation.LeakyRelu(rnd.nextBoolean() ? 0.01 : 0.1);
            case "linear" -> new Activation.Linear();
            default -> new Activation.Softmax();
        };
        return new Layer(units, f);
    }

    /** One-hot rows for cross-entropy, 0/1 for binary cross-entropy, one decimal in [−2, 2] otherwise. */
    private static Matrix targets(Random rnd, Loss loss, int m, int k) {
        double[][] y = new double[m][k];
        for (int i = 0; i < m; i++) {
            if (loss == Loss.CROSS_ENTROPY) {
                y[i][rnd.nextInt(k)] = 1;
                continue;
            }
            for (int j = 0; j < k; j++) {
                y[i][j] = loss == Loss.BINARY_CROSS_ENTROPY ? rnd.nextInt(2) : Student.round(4 * rnd.nextDouble() - 2, 1);
            }
        }
        return Matrix.of(y);
    }

    private static Matrix uniform(Random rnd, int rows, int cols, double bound) {
        double[][] v = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                v[r][c] = Student.round(bound * (2 * rnd.nextDouble() - 1), 1);
            }
        }
        return Matrix.of(v);
    }

    /** "2 layers [tanh 3, softmax 2], 4 inputs, cross-entropy, mean, out-in, m = 3, η = 0.5, ±0.01". */
    static String describe(Problem p) {
        Network n = p.network();
        List<String> layers = new ArrayList<>();
        for (Layer l : n.layers()) {
            layers.add(l.activation().name() + (l.activation() instanceof Activation.LeakyRelu lr ? "(" + lr.alpha() + ")" : "")
                    + " " + l.units());
        }
        return p.id() + ": " + n.inputs() + " inputs → " + layers + ", " + n.loss().label() + ", " + n.reduction().label()
                + ", " + n.weightLayout().label() + ", m = " + p.samples() + ", η = " + p.learningRate() + ", tolerance "
                + p.tolerance().byDefault().describe();
    }
}
