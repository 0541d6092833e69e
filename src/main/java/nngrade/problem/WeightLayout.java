package nngrade.problem;

import java.util.List;
import java.util.Optional;

/**
 * How a weight matrix is laid out. Samples are rows of X in both layouts; only W's
 * orientation differs, and with it every product that involves W.
 */
public enum WeightLayout implements Labelled {
    /** W is units × inputs: Z = X·Wᵀ + b (z = W·x + b per sample column). */
    OUT_IN("out-in", "units × inputs") {
        @Override
        public int[] shape(int inputs, int units) {
            return new int[] {units, inputs};
        }

        @Override
        public Matrix preActivation(Matrix input, Matrix w, Matrix b) {
            return input.timesTransposed(w).plusRow(b);
        }

        @Override
        public Matrix weightGradient(Matrix delta, Matrix input) {
            return delta.transposedTimes(input);
        }

        @Override
        public Matrix inputGradient(Matrix delta, Matrix w) {
            return delta.times(w);
        }

        @Override
        public String zFormula(String in, String w, String b) {
            return in + "·" + w + "ᵀ + " + b;
        }

        @Override
        public String dWFormula(String delta, String in) {
            return delta + "ᵀ·" + in;
        }

        @Override
        public String daFormula(String delta, String w) {
            return delta + "·" + w;
        }
    },
    /** W is inputs × units: Z = X·W + b. */
    IN_OUT("in-out", "inputs × units") {
        @Override
        public int[] shape(int inputs, int units) {
            return new int[] {inputs, units};
        }

        @Override
        public Matrix preActivation(Matrix input, Matrix w, Matrix b) {
            return input.times(w).plusRow(b);
        }

        @Override
        public Matrix weightGradient(Matrix delta, Matrix input) {
            return input.transposedTimes(delta);
        }

        @Override
        public Matrix inputGradient(Matrix delta, Matrix w) {
            return delta.timesTransposed(w);
        }

        @Override
        public String zFormula(String in, String w, String b) {
            return in + "·" + w + " + " + b;
        }

        @Override
        public String dWFormula(String delta, String in) {
            return in + "ᵀ·" + delta;
        }

        @Override
        public String daFormula(String delta, String w) {
            return delta + "·" + w + "ᵀ";
        }
    };

    private final String label;
    private final String shapeWords;

    WeightLayout(String label, String shapeWords) {
        this.label = label;
        this.shapeWords = shapeWords;
    }

    @Override
    public String label() {
        return label;
    }

    /** "units × inputs" or "inputs × units", for messages. */
    public String shapeWords() {
        return shapeWords;
    }

    /** W's shape in another language's words for units and inputs, e.g. "unități × intrări". */
    public String shapeWords(String units, String inputs) {
        return this == OUT_IN ? units + " × " + inputs : inputs + " × " + units;
    }

    /** The label with the shape it gives W, for messages: {@code out-in (W is units × inputs)}. */
    public String described() {
        return label + " (W is " + shapeWords + ")";
    }

    /** {rows, cols} of W for a layer with these inputs and units. */
    public abstract int[] shape(int inputs, int units);

    /** Z = A_prev·Wᵀ + b or A_prev·W + b, one row per sample. */
    public abstract Matrix preActivation(Matrix input, Matrix w, Matrix b);

    /** Σ_i over samples of ∂ℓ_i/∂W, in W's shape (without the reduction factor). */
    public abstract Matrix weightGradient(Matrix delta, Matrix input);

    /** ∂ℓ/∂A_prev per sample, from δ of this layer. */
    public abstract Matrix inputGradient(Matrix delta, Matrix w);

    public abstract String zFormula(String in, String w, String b);

    public abstract String dWFormula(String delta, String in);

    public abstract String daFormula(String delta, String w);

    /** The layout a problem file calls {@code label}, if there is one. */
    public static Optional<WeightLayout> byLabel(String label) {
        return Labelled.byLabel(values(), label);
    }

    /** The labels, in the order a teacher is shown them. */
    public static List<String> labels() {
        return Labelled.labels(values());
    }
}
