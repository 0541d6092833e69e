package nngrade.report.worked;

import nngrade.problem.Activation;
import nngrade.problem.Loss;
import nngrade.problem.Matrix;
import nngrade.problem.Network;
import nngrade.problem.Numbers;
import nngrade.problem.Optimizer;
import nngrade.problem.Problem;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.problem.Reduction;
import nngrade.problem.WeightLayout;
import nngrade.report.worked.Part.Shapes;
import nngrade.report.worked.Part.Value;
import nngrade.report.worked.WorkedStep.Intermediate;
import nngrade.solve.AnswerKey;
import nngrade.solve.Backprop;
import nngrade.solve.Formulas;
import nngrade.solve.Steps;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** Works out a problem's solution from its answer key, as the lecture notes write one (a graph's: {@link GraphWorkedSolutions}). */
public final class WorkedSolutions {
    /** A product is written out entry by entry when both its operands are at most this many rows and columns. */
    public static final int SMALL = 3;

    private final Problem p;
    private final AnswerKey key;
    private final Formulas.Words words;
    private final Problem[] atStep;

    private WorkedSolutions(AnswerKey key, Formulas.Words words) {
        this.p = key.problem();
        this.key = key;
        this.words = words;
        this.atStep = new Problem[p.steps() + 1];
        atStep[1] = p;
        for (int s = 2; s <= p.steps(); s++) {
            atStep[s] = Steps.after(atStep[s - 1], s - 1, key::get);
        }
    }

    /**
     * The worked solution of a problem (a network or a computational graph) from its full answer key (every quantity, not only
     * the asked ones), the formulas in {@code words}' language.
     */
    public static WorkedSolution of(AnswerKey key, Formulas.Words words) {
        if (key.problem().isGraph()) {
            return GraphWorkedSolutions.of(key, words);
        }
        return new WorkedSolutions(key, words).build();
    }

    private WorkedSolution build() {
        Set<Quantity> needed = needed();
        List<WorkedStep> steps = new ArrayList<>();
        for (Quantity q : key.values().keySet()) {
            if (needed.contains(q)) {
                steps.add(step(q));
            }
        }
        return new WorkedSolution(p, given(), steps);
    }

    /** x, y, the weights and biases (W with its layout), the optimiser's state, η, λ and m, as the notes list them. */
    private List<WorkedSolution.Given> given() {
        List<WorkedSolution.Given> g = new ArrayList<>();
        g.add(new WorkedSolution.Given("x", p.x(), Optional.empty()));
        g.add(new WorkedSolution.Given("y", p.y(), Optional.empty()));
        Network n = p.network();
        for (int l = 1; l <= n.depth(); l++) {
            g.add(new WorkedSolution.Given("W" + l, p.w(l), Optional.of(words.shape(n.weightLayout()))));
            g.add(new WorkedSolution.Given("b" + l, p.b(l), Optional.empty()));
        }
        new TreeMap<>(p.state()).forEach((name, v) -> g.add(new WorkedSolution.Given(name, v, Optional.empty())));
        g.add(new WorkedSolution.Given("η", Matrix.scalar(p.learningRate()), Optional.empty()));
        if (p.l2() != 0) {
            g.add(new WorkedSolution.Given("λ", Matrix.scalar(p.l2()), Optional.empty()));
        }
        g.add(new WorkedSolution.Given("m", Matrix.scalar(p.samples()), Optional.empty()));
        return g;
    }

    /** The asked quantities and every one the chain needs on the way to them. */
    private Set<Quantity> needed() {
        return needed(key, this::dependencies);
    }

    /** The key's asked quantities and, through {@code dependencies}, every one shown on the way to them. */
    static Set<Quantity> needed(AnswerKey key, Function<Quantity, List<Quantity>> dependencies) {
        Set<Quantity> out = new HashSet<>();
        List<Quantity> todo = new ArrayList<>(key.problem().ask());
        while (!todo.isEmpty()) {
            Quantity q = todo.remove(todo.size() - 1);
            if (key.values().containsKey(q) && out.add(q)) {
                todo.addAll(dependencies.apply(q));
            }
        }
        return out;
    }

    private List<Quantity> dependencies(Quantity q) {
        int l = q.layer();
        int s = q.step();
        int depth = p.network().depth();
        List<Quantity> d = new ArrayList<>();
        switch (q.kind()) {
            case Z -> {
                if (l > 1) {
                    d.add(activation(l - 1, s));
                }
                if (s > 1) {
                    d.addAll(parametersAfter(s - 1));
                }
            }
            case A, YHAT -> d.add(at(Kind.Z, q.kind() == Kind.YHAT ? depth : l, s));
            case LOSS -> d.add(Quantity.YHAT.atStep(s));
            case DZ -> {
                if (l == depth) {
                    d.add(Quantity.YHAT.atStep(s));
                } else {
                    d.add(at(Kind.DA, l, s));
                    d.add(at(Kind.Z, l, s));
                }
            }
            case DA -> d.add(at(Kind.DZ, l + 1, s));
            case DW -> {
                d.add(at(Kind.DZ, l, s));
                if (l > 1) {
                    d.add(activation(l - 1, s));
                }
            }
            case DB -> d.add(at(Kind.DZ, l, s));
            case W_NEXT, B_NEXT, VW_NEXT, VB_NEXT, SW_NEXT, SB_NEXT, MW_NEXT, MB_NEXT -> {
                boolean weights = q.kind() == Kind.W_NEXT || q.kind().statePrefix().endsWith("W");
                d.add(at(weights ? Kind.DW : Kind.DB, l, s));
                for (Kind k : weights ? p.optimizer().stateOfW() : p.optimizer().stateOfB()) {
                    if (k != q.kind()) {
                        d.add(at(k, l, s));
                    }
                }
            }
            default -> {
            }
        }
        return d;
    }

    private List<Quantity> parametersAfter(int s) {
        List<Quantity> d = new ArrayList<>();
        for (int l = 1; l <= p.network().depth(); l++) {
            d.add(at(Kind.W_NEXT, l, s));
            d.add(at(Kind.B_NEXT, l, s));
            for (Kind k : p.optimizer().stateOfW()) {
                d.add(at(k, l, s));
            }
            for (Kind k : p.optimizer().stateOfB()) {
                d.add(at(k, l, s));
            }
        }
        return d;
    }

    private static Quantity at(Kind k, int layer, int s) {
        return Quantity.of(k, layer).atStep(s);
    }

    private Quantity activation(int l, int s) {
        return l == p.network().depth() ? Quantity.YHAT.atStep(s) : at(Kind.A, l, s);
    }

    private WorkedStep step(Quantity q) {
        Network n = p.network();
        int l = q.layer();
        int s = q.step();
        Problem ps = atStep[s];
        String formula = Formulas.of(p, q, words);
        Matrix result = key.get(q);
        Rounding r = rounding(q);
        Builder b = new Builder();
        switch (q.kind()) {
            case Z -> z(b, ps, l, s, r);
            case A, YHAT -> activated(b, q.kind() == Kind.YHAT ? n.depth() : l, s, result, r);
            case LOSS -> loss(b, ps, s, result, r);
            case DZ -> {
                if (l == n.depth()) {
                    outputDelta(b, ps, s, result, r);
                } else {
                    hiddenDelta(b, l, s, result, r);
                }
            }
            case DA -> da(b, ps, l, s, result, r);
            case DW -> dW(b, ps, l, s, result, r);
            case DB -> db(b, ps, l, s, result, r);
            case W_NEXT, B_NEXT -> next(b, ps, q, result, r);
            case VW_NEXT, VB_NEXT, SW_NEXT, SB_NEXT, MW_NEXT, MB_NEXT -> state(b, ps, q, result, r);
            default -> throw new IllegalArgumentException(q + " is not a network's quantity");
        }
        Optional<String> shape = q.kind() == Kind.DW || q.kind() == Kind.W_NEXT
                ? Optional.of(words.shape(n.weightLayout())) : Optional.empty();
        return new WorkedStep(q, p.ask().contains(q), formula, b.chain, b.products, b.parts, b.intermediates,
                b.elided, shape, result, r);
    }

    /** What one step collects while it is worked out. */
    private static final class Builder {
        Optional<String> chain = Optional.empty();
        List<EntryProduct> products = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        List<Intermediate> intermediates = new ArrayList<>();
        Optional<Shapes> elided = Optional.empty();

        Builder math(String m) {
            parts.add(new Part.Symbols(m));
            return this;
        }

        Builder value(Matrix m, Rounding r) {
            parts.add(new Value(m, r));
            return this;
        }

        Builder eq() {
            return math(" = ");
        }
    }

    // ---- the forward pass

    private void z(Builder b, Problem ps, int l, int s, Rounding r) {
        WeightLayout layout = p.network().weightLayout();
        Matrix in = input(ps, l, s);
        Rounding inR = inputRounding(l, s);
        Matrix w = ps.w(l);
        Rounding wR = parameterRounding(Kind.W_NEXT, l, s);
        boolean outIn = layout == WeightLayout.OUT_IN;
        Matrix product = outIn ? in.timesTransposed(w) : in.times(w);
        String inName = inputName(l);
        String full = layout.zFormula(inName, "W" + l, "b" + l);
        String label = full.substring(0, full.lastIndexOf(" + "));
        // out-in is the notes' W·x: each entry is W's row times x, W's factor first
        if (outIn) {
            written(b, in, inR, w.transpose(), wR, true, r);
        } else {
            written(b, in, inR, w, wR, false, r);
        }
        if (b.products.isEmpty()) {
            b.elided = Optional.of(new Shapes(in.shape(), outIn ? w.shape() + "ᵀ" : w.shape(), product.shape()));
        }
        b.math(full).eq().value(product, r).math(" + ").value(ps.b(l), parameterRounding(Kind.B_NEXT, l, s)).eq()
                .value(key.get(at(Kind.Z, l, s)), r);
        b.intermediates.add(new Intermediate(label, product, r));
    }

    private void activated(Builder b, int l, int s, Matrix result, Rounding r) {
        Activation f = p.network().layer(l).activation();
        Matrix z = key.get(at(Kind.Z, l, s));
        Rounding zR = rounding(at(Kind.Z, l, s));
        if (f instanceof Activation.Linear) {
            b.math("z" + l).eq().value(z, zR);
            return;
        }
        b.math(f.symbol() + "(z" + l + ")").eq().math(f.symbol() + "(").value(z, zR).math(")").eq();
        if (f instanceof Activation.Softmax && z.rows() == 1 && z.cols() <= SMALL) {
            // one sample: exp(z) over its sum, as the notes divide
            Matrix exp = z.map(Math::exp);
            b.value(exp, r).math(" / ").value(Matrix.scalar(exp.sum()), r).eq();
            b.intermediates.add(new Intermediate("exp(z" + l + ")", exp, r));
        }
        b.value(result, r);
    }

    private void loss(Builder b, Problem ps, int s, Matrix result, Rounding r) {
        Network n = p.network();
        int depth = n.depth();
        Matrix zL = key.get(at(Kind.Z, depth, s));
        Matrix yhat = key.get(Quantity.YHAT.atStep(s));
        Activation out = n.output().activation();
        Matrix perSample = n.loss().perSample(yhat, ps.y(), out.logOf(zL), out.log1mOf(zL));
        double sum = perSample.sum();
        Rounding yhatR = rounding(Quantity.YHAT.atStep(s));
        if (yhat.rows() <= SMALL && yhat.cols() <= SMALL) {
            for (int i = 0; i < yhat.rows(); i++) {
                b.math((i > 0 ? "; " : "") + "ℓ" + (i + 1)).eq();
                lossTerms(b, n.loss(), yhat.rowValues(i), ps.y().rowValues(i), yhatR);
                b.eq().value(Matrix.scalar(perSample.at(i)), r);
            }
            b.math("; ");
        }
        b.math("Σᵢ ℓᵢ").eq();
        for (int i = 0; i < perSample.size(); i++) {
            if (i > 0) {
                b.math(" + ");
            }
            b.value(Matrix.scalar(perSample.at(i)), r);
        }
        if (perSample.size() > 1) {
            b.eq().value(Matrix.scalar(sum), r);
        }
        b.intermediates.add(new Intermediate("Σᵢ ℓᵢ", Matrix.scalar(sum), r));
        double penalty = Backprop.penalty(ps);
        if (p.l2() != 0) {
            b.math("; (λ/2) Σₗ ‖Wₗ‖²").eq().value(Matrix.scalar(penalty), r);
        }
        b.math("; C").eq();
        boolean mean = n.reduction() == Reduction.MEAN;
        if (p.l2() != 0) {
            b.math(mean ? "(" : "").value(Matrix.scalar(sum), r).math(" + ").value(Matrix.scalar(penalty), r)
                    .math(mean ? ")" : "");
        } else {
            b.value(Matrix.scalar(sum), r);
        }
        if (mean) {
            b.math(" / ").value(Matrix.scalar(ps.samples()), Rounding.EXACT);
        }
        b.eq().value(result, r);
    }

    /** One sample's ℓ with its numbers: −ln 0.0211, −ln(1 − 0.4256), (0.89 − 1.5)², as the loss's formula has it. */
    private static void lossTerms(Builder b, Loss loss, double[] yhat, double[] y, Rounding yhatR) {
        int k = yhat.length;
        switch (loss) {
            case CROSS_ENTROPY, BINARY_CROSS_ENTROPY -> {
                List<Runnable> terms = new ArrayList<>();
                for (int j = 0; j < k; j++) {
                    double yj = y[j];
                    Matrix h = Matrix.scalar(yhat[j]);
                    if (yj != 0) {
                        terms.add(() -> {
                            if (yj != 1) {
                                b.value(Matrix.scalar(yj), Rounding.EXACT).math("·");
                            }
                            b.math("ln ").value(h, yhatR);
                        });
                    }
                    if (loss == Loss.BINARY_CROSS_ENTROPY && yj != 1) {
                        terms.add(() -> {
                            if (yj != 0) {
                                b.value(Matrix.scalar(oneMinus(yj)), Rounding.EXACT).math("·");
                            }
                            b.math("ln(1 − ").value(h, yhatR).math(")");
                        });
                    }
                }
                b.math(terms.size() == 1 ? "−" : "−(");
                for (int t = 0; t < terms.size(); t++) {
                    b.math(t > 0 ? " + " : "");
                    terms.get(t).run();
                }
                b.math(terms.size() == 1 ? "" : ")");
            }
            case MSE, QUADRATIC -> {
                boolean bare = loss == Loss.MSE && k == 1;
                b.math(loss == Loss.QUADRATIC ? "½·(" : bare ? "" : "(1/" + k + ")·(");
                for (int j = 0; j < k; j++) {
                    b.math((j > 0 ? " + (" : "(")).value(Matrix.scalar(yhat[j]), yhatR).math(" − ")
                            .value(Matrix.scalar(y[j]), Rounding.EXACT).math(")²");
                }
                b.math(bare ? "" : ")");
            }
            default -> throw new IllegalArgumentException("no terms written for the loss " + loss.label());
        }
    }

    // ---- the backward pass

    private void outputDelta(Builder b, Problem ps, int s, Matrix result, Rounding r) {
        Network n = p.network();
        int depth = n.depth();
        Activation f = n.output().activation();
        Matrix yhat = key.get(Quantity.YHAT.atStep(s));
        Rounding yhatR = rounding(Quantity.YHAT.atStep(s));
        Matrix diff = yhat.minus(ps.y());
        b.math("ŷ − y").eq().value(yhat, yhatR).math(" − ").value(ps.y(), Rounding.EXACT).eq().value(diff, r);
        if (n.loss().simplifiesWith(f)) {
            return;
        }
        b.intermediates.add(new Intermediate("ŷ − y", diff, r));
        Matrix gradient = n.loss().gradient(yhat, ps.y());
        b.math("; ∂ℓ/∂ŷ").eq().value(gradient, r);
        if (f instanceof Activation.Elementwise e && !(f instanceof Activation.Linear)) {
            Matrix z = key.get(at(Kind.Z, depth, s));
            Matrix prime = z.map(e::derivative);
            b.math("; f′(z" + depth + ")").eq().value(prime, r).math("; δ" + depth).eq().value(gradient, r)
                    .math(" ⊙ ").value(prime, r).eq().value(result, r);
        } else if (!(f instanceof Activation.Linear)) {
            b.math("; δ" + depth).eq().value(result, r);
        }
    }

    private void da(Builder b, Problem ps, int l, int s, Matrix result, Rounding r) {
        WeightLayout layout = p.network().weightLayout();
        Matrix delta = key.get(at(Kind.DZ, l + 1, s));
        Rounding dR = rounding(at(Kind.DZ, l + 1, s));
        Matrix w = ps.w(l + 1);
        Rounding wR = parameterRounding(Kind.W_NEXT, l + 1, s);
        Matrix right = layout == WeightLayout.OUT_IN ? w : w.transpose();
        written(b, delta, dR, right, wR, false, r);
        if (b.products.isEmpty()) {
            b.elided = Optional.of(new Shapes(delta.shape(), layout == WeightLayout.OUT_IN ? w.shape()
                    : w.shape() + "ᵀ", result.shape()));
        }
        b.math(layout.daFormula("δ" + (l + 1), "W" + (l + 1))).eq().value(delta, dR).math("·").value(w, wR)
                .math(layout == WeightLayout.OUT_IN ? "" : "ᵀ").eq().value(result, r);
    }

    private void hiddenDelta(Builder b, int l, int s, Matrix result, Rounding r) {
        Network n = p.network();
        Activation f = n.layer(l).activation();
        b.chain = Optional.of("δ" + l + " = (" + n.weightLayout().daFormula("δ" + (l + 1), "W" + (l + 1))
                + ") ⊙ f′(z" + l + ")");
        Matrix da = key.get(at(Kind.DA, l, s));
        Rounding daR = rounding(at(Kind.DA, l, s));
        if (f instanceof Activation.Elementwise e) {
            Matrix prime = key.get(at(Kind.Z, l, s)).map(e::derivative);
            b.math("da" + l + " ⊙ f′(z" + l + ")").eq().value(da, daR).math(" ⊙ ").value(prime, r).eq()
                    .value(result, r);
            b.intermediates.add(new Intermediate("f′(z" + l + ")", prime, r));
        } else {
            b.math("J_" + f.symbol() + "(z" + l + ")ᵀ·da" + l).eq().value(result, r);
        }
    }

    private void dW(Builder b, Problem ps, int l, int s, Matrix result, Rounding r) {
        Network n = p.network();
        WeightLayout layout = n.weightLayout();
        Matrix delta = key.get(at(Kind.DZ, l, s));
        Rounding dR = rounding(at(Kind.DZ, l, s));
        Matrix in = input(ps, l, s);
        Rounding inR = inputRounding(l, s);
        Matrix sum = layout.weightGradient(delta, in);
        if (layout == WeightLayout.OUT_IN) {
            written(b, delta.transpose(), dR, in, inR, false, r);
        } else {
            written(b, in.transpose(), inR, delta, dR, false, r);
        }
        if (b.products.isEmpty()) {
            b.elided = Optional.of(layout == WeightLayout.OUT_IN
                    ? new Shapes(delta.shape() + "ᵀ", in.shape(), sum.shape())
                    : new Shapes(in.shape() + "ᵀ", delta.shape(), sum.shape()));
        }
        String product = layout.dWFormula("δ" + l, inputName(l));
        boolean mean = n.reduction() == Reduction.MEAN;
        if (!mean && p.l2() == 0) { // the batch sum is the gradient
            b.math(product).eq().value(result, r);
            return;
        }
        b.intermediates.add(new Intermediate(product, sum, r));
        b.math(product + n.reduction().divisor() + (p.l2() == 0 ? "" : (mean ? " + (λ/m)·W" : " + λ·W") + l)).eq()
                .value(sum, r);
        if (mean) {
            b.math(" / ").value(Matrix.scalar(ps.samples()), Rounding.EXACT);
        }
        if (p.l2() != 0) {
            b.math(" + ").value(Backprop.penaltyGradient(ps, l), r);
        }
        b.eq().value(result, r);
    }

    private void db(Builder b, Problem ps, int l, int s, Matrix result, Rounding r) {
        Network n = p.network();
        Matrix sum = key.get(at(Kind.DZ, l, s)).columnSums();
        if (n.reduction() == Reduction.SUM) { // the batch sum is the gradient
            b.math("Σᵢ δ" + l).eq().value(result, r);
            return;
        }
        b.intermediates.add(new Intermediate("Σᵢ δ" + l, sum, r));
        b.math("Σᵢ δ" + l + n.reduction().divisor()).eq().value(sum, r);
        if (n.reduction() == Reduction.MEAN) {
            b.math(" / ").value(Matrix.scalar(ps.samples()), Rounding.EXACT);
        }
        b.eq().value(result, r);
    }

    // ---- the step

    private void next(Builder b, Problem ps, Quantity q, Matrix result, Rounding r) {
        int l = q.layer();
        int s = q.step();
        boolean weights = q.kind() == Kind.W_NEXT;
        String param = (weights ? "W" : "b") + l;
        Matrix before = weights ? ps.w(l) : ps.b(l);
        Rounding beforeR = parameterRounding(q.kind(), l, s);
        Matrix eta = Matrix.scalar(ps.learningRate());
        Optimizer o = ps.optimizer();
        if (o.label().equals("momentum")) {
            Quantity v = at(weights ? Kind.VW_NEXT : Kind.VB_NEXT, l, s);
            b.math(param + " − η·v" + param + "_next").eq().value(before, beforeR).math(" − ")
                    .value(eta, Rounding.EXACT).math("·").value(key.get(v), rounding(v)).eq().value(result, r);
        } else if (o.stateOfW().isEmpty()) {
            Quantity g = at(weights ? Kind.DW : Kind.DB, l, s);
            b.math(param + " − η·d" + param).eq().value(before, beforeR).math(" − ").value(eta, Rounding.EXACT)
                    .math("·").value(key.get(g), rounding(g)).eq().value(result, r);
        }
        // RMSprop's and Adam's steps divide cell by cell: their formula and result are shown, the cells not;
        // Adam's bias-corrected moments on the way, so that each cell can be checked by hand
        if (o instanceof Optimizer.Adam a) {
            Quantity m = at(weights ? Kind.MW_NEXT : Kind.MB_NEXT, l, s);
            Quantity v = at(weights ? Kind.VW_NEXT : Kind.VB_NEXT, l, s);
            b.intermediates.add(new Intermediate("m̂", a.mHat(key.get(m), ps.t() + 1), rounding(m)));
            b.intermediates.add(new Intermediate("v̂", a.vHat(key.get(v), ps.t() + 1), rounding(v)));
        }
    }

    private void state(Builder b, Problem ps, Quantity q, Matrix result, Rounding r) {
        int l = q.layer();
        boolean weights = q.kind().statePrefix().endsWith("W");
        Quantity g = at(weights ? Kind.DW : Kind.DB, l, q.step());
        Matrix grad = key.get(g);
        Matrix before = ps.stateOf(q.kind(), l);
        Rounding beforeR = q.step() == 1 ? Rounding.EXACT : rounding(q.atStep(q.step() - 1));
        double keep;
        double take;
        boolean squared = q.kind() == Kind.SW_NEXT || q.kind() == Kind.SB_NEXT
                || (ps.optimizer() instanceof Optimizer.Adam && (q.kind() == Kind.VW_NEXT || q.kind() == Kind.VB_NEXT));
        if (ps.optimizer() instanceof Optimizer.Momentum m) {
            keep = m.beta();
            take = oneMinus(m.dampening());
        } else if (ps.optimizer() instanceof Optimizer.RmsProp rms) {
            keep = rms.beta();
            take = oneMinus(rms.beta());
        } else {
            Optimizer.Adam a = (Optimizer.Adam) ps.optimizer();
            keep = squared ? a.beta2() : a.beta1();
            take = oneMinus(keep);
        }
        b.value(Matrix.scalar(keep), Rounding.EXACT).math("·").value(before, beforeR).math(" + ")
                .value(Matrix.scalar(take), Rounding.EXACT).math("·").value(squared ? grad.hadamard(grad) : grad,
                        squared ? r : rounding(g)).eq().value(result, r);
    }

    // ---- helpers

    /** 1 − c as a person writes it: 0.1 for c = 0.9, not 0.09999999999999998. */
    private static double oneMinus(double c) {
        return BigDecimal.ONE.subtract(new BigDecimal(Numbers.exact(c))).doubleValue();
    }

    /** Writes out left·right entry by entry when both are small; factors in the order the formula writes them. */
    private static void written(Builder b, Matrix left, Rounding leftR, Matrix right, Rounding rightR,
                                boolean rightFirst, Rounding r) {
        if (left.rows() > SMALL || left.cols() > SMALL || right.rows() > SMALL || right.cols() > SMALL) {
            return;
        }
        for (int i = 0; i < left.rows(); i++) {
            for (int j = 0; j < right.cols(); j++) {
                double[] a = new double[left.cols()];
                double[] c = new double[left.cols()];
                double v = 0;
                for (int t = 0; t < left.cols(); t++) {
                    a[t] = left.get(i, t);
                    c[t] = right.get(t, j);
                    v += a[t] * c[t];
                }
                b.products.add(rightFirst ? new EntryProduct(i, j, c, rightR, a, leftR, v, r)
                        : new EntryProduct(i, j, a, leftR, c, rightR, v, r));
            }
        }
    }

    private Matrix input(Problem ps, int l, int s) {
        return l == 1 ? ps.x() : key.get(activation(l - 1, s));
    }

    private String inputName(int l) {
        return l == 1 ? "x" : "a" + (l - 1);
    }

    private Rounding inputRounding(int l, int s) {
        return l == 1 ? Rounding.EXACT : rounding(activation(l - 1, s));
    }

    /** A parameter as step s starts from it: given at step 1, the previous step's result after. */
    private Rounding parameterRounding(Kind next, int l, int s) {
        return s == 1 ? Rounding.EXACT : rounding(at(next, l, s - 1));
    }

    private Rounding rounding(Quantity q) {
        return Rounding.suggestedBy(p.tolerance().of(q));
    }
}
