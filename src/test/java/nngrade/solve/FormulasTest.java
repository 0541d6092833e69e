package nngrade.solve;

import nngrade.problem.Activation;
import nngrade.problem.Layer;
import nngrade.problem.Loss;
import nngrade.problem.Matrix;
import nngrade.problem.Network;
import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.problem.Reduction;
import nngrade.problem.Tolerance;
import nngrade.problem.WeightLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The formula text of every quantity kind, in English and in Romanian words, written out by hand:
 * which output activation and loss pairs get the δ = ŷ − y shortcut, the layouts' products, the
 * reductions' 1/m, η and leaky-relu's slope with the language's decimal separator.
 */
class FormulasTest {
    static final Formulas.Words RO = new Formulas.Words("cu", "dacă", "altfel", "unități", "intrări", romanianLosses(), ',', "la pasul", "dat",
            "nefolosit");

    private static Map<Loss, String> romanianLosses() {
        Map<Loss, String> out = new EnumMap<>(Loss.class);
        out.put(Loss.CROSS_ENTROPY, "entropia încrucișată");
        out.put(Loss.BINARY_CROSS_ENTROPY, "entropia încrucișată binară");
        out.put(Loss.QUADRATIC, "eroarea pătratică");
        out.put(Loss.MSE, "eroarea pătratică medie");
        return out;
    }

    /** A problem with this network and η; Formulas reads nothing else, so the matrices are placeholders. */
    static Problem problem(Network n, double eta) {
        List<Matrix> w = new ArrayList<>();
        List<Matrix> b = new ArrayList<>();
        for (int l = 1; l <= n.depth(); l++) {
            int[] s = n.weightShape(l);
            w.add(Matrix.zeros(s[0], s[1]));
            b.add(Matrix.zeros(1, n.layer(l).units()));
        }
        return new Problem("test", "f", "f", "", n, eta, Matrix.zeros(2, n.inputs()), Matrix.zeros(2, n.output().units()), w, b,
                Quantity.all(n.depth()), new Problem.Tolerances(Tolerance.DEFAULT, Map.of()), new Problem.Points(1, Map.of()),
                false, 1.0);
    }

    /** inputs 3 → 4 hidden → 2 output, so every shape is non-square. */
    static Network twoLayers(Activation hidden, Activation output, Loss loss, Reduction r, WeightLayout layout) {
        return new Network(3, List.of(new Layer(4, hidden), new Layer(2, output)), loss, r, layout);
    }

    static final Problem TANH_SOFTMAX = problem(twoLayers(new Activation.Tanh(), new Activation.Softmax(), Loss.CROSS_ENTROPY,
            Reduction.MEAN, WeightLayout.OUT_IN), 0.1);

    static Stream<Arguments> everyKind() {
        return Stream.of(
                Arguments.of(Kind.Z, 1, "z1 = x·W1ᵀ + b1", "z1 = x·W1ᵀ + b1"),
                Arguments.of(Kind.Z, 2, "z2 = a1·W2ᵀ + b2", "z2 = a1·W2ᵀ + b2"),
                Arguments.of(Kind.A, 1, "a1 = tanh(z1)", "a1 = tanh(z1)"),
                Arguments.of(Kind.YHAT, 0, "ŷ = softmax(z2)", "ŷ = softmax(z2)"),
                Arguments.of(Kind.LOSS, 0, "C = (1/m) Σᵢ ℓᵢ, ℓ = −Σₖ yₖ ln ŷₖ", "C = (1/m) Σᵢ ℓᵢ, ℓ = −Σₖ yₖ ln ŷₖ"),
                Arguments.of(Kind.DZ, 2, "δ2 = ŷ − y (softmax with cross-entropy)", "δ2 = ŷ − y (softmax cu entropia încrucișată)"),
                Arguments.of(Kind.DZ, 1, "δ1 = da1 ⊙ f′(z1), tanh′(z) = 1 − tanh²(z)", "δ1 = da1 ⊙ f′(z1), tanh′(z) = 1 − tanh²(z)"),
                Arguments.of(Kind.DA, 1, "da1 = δ2·W2", "da1 = δ2·W2"),
                Arguments.of(Kind.DW, 2, "dW2 = δ2ᵀ·a1 / m", "dW2 = δ2ᵀ·a1 / m"),
                Arguments.of(Kind.DW, 1, "dW1 = δ1ᵀ·x / m", "dW1 = δ1ᵀ·x / m"),
                Arguments.of(Kind.DB, 1, "db1 = Σᵢ δ1 / m", "db1 = Σᵢ δ1 / m"),
                Arguments.of(Kind.W_NEXT, 1, "W1_next = W1 − η·dW1 (η = 0.1)", "W1_next = W1 − η·dW1 (η = 0,1)"),
                Arguments.of(Kind.B_NEXT, 2, "b2_next = b2 − η·db2 (η = 0.1)", "b2_next = b2 − η·db2 (η = 0,1)"));
    }

    @ParameterizedTest(name = "{0}{1}")
    @MethodSource("everyKind")
    void everyKindOfQuantityInBothLanguages(Kind kind, int layer, String english, String romanian) {
        Quantity q = Quantity.of(kind, layer);
        assertEquals(english, Formulas.of(TANH_SOFTMAX, q));
        assertEquals(english, Formulas.of(TANH_SOFTMAX, q, Formulas.Words.ENGLISH));
        assertEquals(romanian, Formulas.of(TANH_SOFTMAX, q, RO));
    }

    @Test
    void theInOutLayoutAndASummedCostWriteTheirOwnProducts() {
        Problem p = problem(twoLayers(new Activation.Relu(), new Activation.Sigmoid(), Loss.BINARY_CROSS_ENTROPY, Reduction.SUM,
                WeightLayout.IN_OUT), 1.5);
        assertEquals("z1 = x·W1 + b1", Formulas.of(p, Quantity.of(Kind.Z, 1)));
        assertEquals("da1 = δ2·W2ᵀ", Formulas.of(p, Quantity.of(Kind.DA, 1)));
        assertEquals("dW1 = xᵀ·δ1", Formulas.of(p, Quantity.of(Kind.DW, 1)));
        assertEquals("dW2 = a1ᵀ·δ2", Formulas.of(p, Quantity.of(Kind.DW, 2)));
        assertEquals("db2 = Σᵢ δ2", Formulas.of(p, Quantity.of(Kind.DB, 2)));
        assertEquals("C = Σᵢ ℓᵢ, ℓ = −Σₖ [yₖ ln ŷₖ + (1−yₖ) ln(1−ŷₖ)]", Formulas.of(p, Quantity.LOSS));
        assertEquals("a1 = relu(z1)", Formulas.of(p, Quantity.of(Kind.A, 1)));
        assertEquals("ŷ = σ(z2)", Formulas.of(p, Quantity.YHAT));
        assertEquals("δ2 = ŷ − y (sigmoid with binary-cross-entropy)", Formulas.of(p, Quantity.of(Kind.DZ, 2)));
        assertEquals("δ2 = ŷ − y (sigmoid cu entropia încrucișată binară)", Formulas.of(p, Quantity.of(Kind.DZ, 2), RO));
        assertEquals("δ1 = da1 ⊙ f′(z1), relu′(z) = 1 if z > 0, else 0", Formulas.of(p, Quantity.of(Kind.DZ, 1)));
        assertEquals("δ1 = da1 ⊙ f′(z1), relu′(z) = 1 dacă z > 0, altfel 0", Formulas.of(p, Quantity.of(Kind.DZ, 1), RO));
        assertEquals("W2_next = W2 − η·dW2 (η = 1,5)", Formulas.of(p, Quantity.of(Kind.W_NEXT, 2), RO));
    }

    /**
     * δ = ŷ − y holds for softmax with cross-entropy and sigmoid with binary cross-entropy only;
     * every other pair is the chain rule through f′ (or through the softmax Jacobian, or ∂ℓ/∂ŷ alone
     * for a linear output).
     */
    static Stream<Arguments> outputDeltas() {
        return Stream.of(
                Arguments.of(new Activation.Softmax(), Loss.CROSS_ENTROPY, "δ1 = ŷ − y (softmax with cross-entropy)"),
                Arguments.of(new Activation.Sigmoid(), Loss.BINARY_CROSS_ENTROPY, "δ1 = ŷ − y (sigmoid with binary-cross-entropy)"),
                Arguments.of(new Activation.Sigmoid(), Loss.CROSS_ENTROPY,
                        "δ1 = ∂ℓ/∂ŷ ⊙ f′(z1), ∂ℓ/∂ŷ = −y / ŷ, σ′(z) = σ(z)(1 − σ(z))"),
                Arguments.of(new Activation.Softmax(), Loss.BINARY_CROSS_ENTROPY,
                        "δ1 = J_softmax(z1)ᵀ·∂ℓ/∂ŷ, ∂ℓ/∂ŷ = (ŷ − y) / (ŷ(1 − ŷ))"),
                Arguments.of(new Activation.Softmax(), Loss.QUADRATIC, "δ1 = J_softmax(z1)ᵀ·∂ℓ/∂ŷ, ∂ℓ/∂ŷ = ŷ − y"),
                Arguments.of(new Activation.Sigmoid(), Loss.MSE,
                        "δ1 = ∂ℓ/∂ŷ ⊙ f′(z1), ∂ℓ/∂ŷ = 2(ŷ − y) / K, σ′(z) = σ(z)(1 − σ(z))"),
                Arguments.of(new Activation.Linear(), Loss.QUADRATIC, "δ1 = ∂ℓ/∂ŷ = ŷ − y"),
                Arguments.of(new Activation.Linear(), Loss.MSE, "δ1 = ∂ℓ/∂ŷ = 2(ŷ − y) / K"),
                Arguments.of(new Activation.Tanh(), Loss.QUADRATIC, "δ1 = ∂ℓ/∂ŷ ⊙ f′(z1), ∂ℓ/∂ŷ = ŷ − y, tanh′(z) = 1 − tanh²(z)"),
                Arguments.of(new Activation.Relu(), Loss.MSE,
                        "δ1 = ∂ℓ/∂ŷ ⊙ f′(z1), ∂ℓ/∂ŷ = 2(ŷ − y) / K, relu′(z) = 1 if z > 0, else 0"),
                Arguments.of(new Activation.LeakyRelu(0.05), Loss.QUADRATIC,
                        "δ1 = ∂ℓ/∂ŷ ⊙ f′(z1), ∂ℓ/∂ŷ = ŷ − y, f′(z) = 1 if z > 0, else 0.05"));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("outputDeltas")
    void theShortcutOnlyWhereTheLossAndActivationCancel(Activation output, Loss loss, String english) {
        Problem p = problem(new Network(2, List.of(new Layer(3, output)), loss, Reduction.MEAN, WeightLayout.OUT_IN), 0.5);
        assertEquals(english, Formulas.of(p, Quantity.of(Kind.DZ, 1)));
    }

    @Test
    void leakyReluSlopeAndTheLearningRateWithADecimalCommaInRomanian() {
        Problem p = problem(twoLayers(new Activation.LeakyRelu(0.01), new Activation.Linear(), Loss.QUADRATIC, Reduction.MEAN,
                WeightLayout.OUT_IN), 0.25);
        assertEquals("δ1 = da1 ⊙ f′(z1), f′(z) = 1 if z > 0, else 0.01", Formulas.of(p, Quantity.of(Kind.DZ, 1)));
        assertEquals("δ1 = da1 ⊙ f′(z1), f′(z) = 1 dacă z > 0, altfel 0,01", Formulas.of(p, Quantity.of(Kind.DZ, 1), RO));
        assertEquals("ŷ = z2", Formulas.of(p, Quantity.YHAT));
        assertEquals("b1_next = b1 − η·db1 (η = 0,25)", Formulas.of(p, Quantity.of(Kind.B_NEXT, 1), RO));
        assertEquals("b1_next = b1 − η·db1 (η = 0.25)", Formulas.of(p, Quantity.of(Kind.B_NEXT, 1)));
    }

    @Test
    void theShapeOfWInWords() {
        assertEquals("units × inputs", Formulas.Words.ENGLISH.shape(WeightLayout.OUT_IN));
        assertEquals("inputs × units", Formulas.Words.ENGLISH.shape(WeightLayout.IN_OUT));
        assertEquals(WeightLayout.OUT_IN.shapeWords(), Formulas.Words.ENGLISH.shape(WeightLayout.OUT_IN));
        assertEquals(WeightLayout.IN_OUT.shapeWords(), Formulas.Words.ENGLISH.shape(WeightLayout.IN_OUT));
        assertEquals("unități × intrări", RO.shape(WeightLayout.OUT_IN));
        assertEquals("intrări × unități", RO.shape(WeightLayout.IN_OUT));
    }

    @Test
    void wordsNameEveryLoss() {
        Map<Loss, String> some = new EnumMap<>(Loss.class);
        some.put(Loss.MSE, "mse");
        assertThrows(IllegalArgumentException.class, () -> new Formulas.Words("with", "if", "else", "units", "inputs", some, '.', "of step", "given", "not used"));
    }

    /** Every op's local derivative, max and min as the bracket that is 1 when the arg is chosen, numbers in each language. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "dx | dx = dp·2.5·x^1.5 + dc·3.5 + dm·[x ≥ y] + dn·[x ≤ y] + dq·(1/y) | dx = dp·2,5·x^1,5 + dc·3,5 + dm·[x ≥ y] + dn·[x ≤ y] + dq·(1/y)",
        // a negative power's derivative in parentheses after its upstream factor: dr·(−1·y^−2), not dr·−1·y^−2
        "dy | dy = dm·[y > x] + dn·[y < x] + dq·(−x/y²) + dr·(-1·y^-2) | dy = dm·[y > x] + dn·[y < x] + dq·(−x/y²) + dr·(-1·y^-2)",
        "p | p = x^2.5 | p = x^2,5",
        "c | c = 3.5·x | c = 3,5·x",
        "m | m = max(x, y) | m = max(x; y)",
        "x | x (given) | x (dat)",
        "u | du = 0 (u not used) | du = 0 (u nefolosit)",
        "x_next | x_next = x − η·dx (η = 0.25) | x_next = x − η·dx (η = 0,25)",
    })
    void aGraphsFormulasInEitherLanguage(String name, String english, String romanian) {
        Problem p = ProblemLoader.parse("graph.json", """
                {"id": "g", "learningRate": 0.25,
                 "graph": {"inputs": {"x": 2, "y": 3}, "params": ["x"], "output": "f", "nodes": [
                   {"name": "p", "op": "pow", "args": ["x"], "power": 2.5},
                   {"name": "c", "op": "scale", "args": ["x"], "by": 3.5},
                   {"name": "m", "op": "max", "args": ["x", "y"]},
                   {"name": "n", "op": "min", "args": ["x", "y"]},
                   {"name": "q", "op": "div", "args": ["x", "y"]},
                   {"name": "u", "op": "neg", "args": ["q"]},
                   {"name": "r", "op": "pow", "args": ["y"], "power": -1},
                   {"name": "f", "op": "add", "args": ["p", "c", "m", "n", "q", "r"]}]},
                 "ask": ["f"]}
                """);
        Quantity q = p.quantities().parse(name.equals("u") ? "du" : name).orElseThrow();
        assertEquals(english, Formulas.of(p, q));
        assertEquals(romanian, Formulas.of(p, q, RO));
    }

    @Test
    void smallHyperParametersAreWrittenAsInAProblemFile() {
        Problem p = ProblemLoader.parse("rms.json", """
                {"id": "r", "learningRate": 0.001, "optimizer": {"name": "rmsprop", "epsilon": 1e-8},
                 "network": {"inputs": 1, "layers": [{"units": 1, "activation": "linear"}], "loss": "mse"},
                 "given": {"x": [[1]], "y": [[2]], "W1": [[0.5]], "b1": [0]}, "ask": ["W1_next"]}
                """);
        assertEquals("W1_next = W1 − η·dW1 / (√sW1_next + ε) (η = 0.001, ε = 1e-8)", Formulas.of(p, Quantity.of(Quantity.Kind.W_NEXT, 1)));
        assertEquals("W1_next = W1 − η·dW1 / (√sW1_next + ε) (η = 0,001; ε = 1e-8)",
                Formulas.of(p, Quantity.of(Quantity.Kind.W_NEXT, 1), RO));
    }

    /** Adam's bias correction at step s takes t' = t + s: a problem given t = 2 corrects step 2 with β^4. */
    @Test
    void adamsCorrectionAtALaterStepTakesItsOwnT() {
        Problem p = ProblemLoader.parse("adam.json", """
                {"id": "a", "learningRate": 0.01, "optimizer": {"name": "adam"}, "steps": 2,
                 "network": {"inputs": 1, "layers": [{"units": 1, "activation": "linear"}], "loss": "mse"},
                 "given": {"x": [[1]], "y": [[2]], "W1": [[0.5]], "b1": [0], "t": 2}, "ask": ["W1_next@2"]}
                """);
        Quantity w = Quantity.of(Quantity.Kind.W_NEXT, 1);
        assertTrue(Formulas.of(p, w).contains("(1 − β1^3)"), Formulas.of(p, w));
        assertTrue(Formulas.of(p, w.atStep(2)).contains("(1 − β1^4), v̂ = vW1_next / (1 − β2^4)"), Formulas.of(p, w.atStep(2)));
    }
}
