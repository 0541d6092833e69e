package nngrade.report.worked;

import nngrade.problem.Activation;
import nngrade.problem.Matrix;
import nngrade.problem.Network;
import nngrade.problem.Optimizer;
import nngrade.problem.Problem;
import nngrade.problem.ProblemFile;
import nngrade.problem.ProblemLoader;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.problem.Reduction;
import nngrade.problem.WeightLayout;
import nngrade.report.Messages;
import nngrade.report.Messages.Lang;
import nngrade.report.Statement;
import nngrade.solve.AnswerKey;
import nngrade.solve.Formulas;
import nngrade.solve.Solver;
import nngrade.variant.Secret;
import nngrade.variant.Variants;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every bundled network problem's worked solution, in both languages: every number it states
 * parses back and is a value of the computation (the key's, a given one, or one this test
 * recomputes by hand), each result agrees with the key within the rounding its line states, and
 * each value on the way (W·x, ŷ − y, the batch sums) agrees with this test's own recomputation.
 * Computational graphs have no worked solution yet and are skipped.
 */
class WorkedMarkdownTest {
    private static final Pattern EN_NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final Pattern RO_NUMBER = Pattern.compile("-?\\d+(?:,\\d+)?");
    private static final Pattern GROUP = Pattern.compile("[_^]\\{[^{}]*(\\{[^{}]*\\}[^{}]*)*\\}");

    /** The words of the English worked.* messages and formula words that Romanian text never uses. */
    private static final Set<String> ENGLISH_ONLY = englishOnly();

    record Solved(String file, AnswerKey key) {
    }

    private static Set<String> englishOnly() {
        Messages en = new Messages(Lang.en);
        Messages ro = new Messages(Lang.ro);
        StringBuilder t = new StringBuilder();
        StringBuilder romanian = new StringBuilder();
        for (String k : List.of("title", "given", "note", "asked", "unasked", "formula", "chain", "entries", "elided",
                "substituted", "intermediate", "result", "rounded", "shape", "notWritten")) {
            t.append(' ').append(en.get("worked." + k, "", "", "", ""));
            romanian.append(' ').append(ro.get("worked." + k, "", "", "", ""));
        }
        Formulas.Words w = Formulas.Words.ENGLISH;
        t.append(' ').append(String.join(" ", w.with(), w.ifWord(), w.elseWord(), w.units(), w.inputs(), w.ofStep(),
                String.join(" ", w.losses().values()), en.get("tolerance.decimals", 4), en.get("tolerance.sigfigs", 4)));
        Set<String> out = words(t.toString());
        out.removeAll(words(romanian.toString()));
        out.removeAll(words(String.join(" ", ro.words().with(), ro.words().ifWord(), ro.words().elseWord(),
                String.join(" ", ro.words().losses().values()))));
        out.removeAll(Set.of("softmax", "next")); // a function's name; the quantities' names (W1_next) are the spec's
        return out;
    }

    /** The solution's words: its text outside the math and the math's \\text, without the teacher's title. */
    private static String prose(String md) {
        StringBuilder t = new StringBuilder();
        for (String l : md.split("\n")) {
            if (l.startsWith("**")) {
                continue;
            }
            String[] pieces = l.split("\\$");
            for (int k = 0; k < pieces.length; k++) {
                if (k % 2 == 0) {
                    t.append(' ').append(pieces[k]);
                } else {
                    Matcher x = Pattern.compile("\\\\text\\{([^}]*)\\}").matcher(pieces[k]);
                    while (x.find()) {
                        t.append(' ').append(x.group(1));
                    }
                }
            }
        }
        return t.toString();
    }

    private static Set<String> words(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\p{L}{2,}").matcher(text);
        while (m.find()) {
            out.add(m.group().toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }

    static List<Solved> networkProblems() throws IOException {
        return problems().stream().filter(s -> !s.key().problem().isGraph()).toList();
    }

    /** Every bundled problem and this package's, networks and computational graphs, solved (a variant for ana). */
    static List<Solved> problems() throws IOException {
        List<Solved> out = new ArrayList<>();
        List<Path> all = new ArrayList<>();
        for (String folder : List.of("problems", "src/test/resources/worked")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                all.addAll(files.filter(f -> f.toString().matches(".*\\.(json|yaml)")).sorted().toList());
            }
        }
        {
            for (Path f : all) {
                ProblemFile file = ProblemLoader.read(f);
                AnswerKey key = file.hasGenerators()
                        ? Variants.of(file, "ana", Secret.of("worked-solutions-test")).key()
                        : Solver.solve(ProblemLoader.load(f));
                out.add(new Solved(f.getFileName().toString(), key));
            }
        }
        return out;
    }

    @Test
    void everyNetworkProblemStatesOnlyValuesOfItsComputation() throws IOException {
        List<Solved> problems = networkProblems();
        assertTrue(problems.size() >= 12, "the bundled network problems and this test's: " + problems.size());
        for (Solved s : problems) {
            for (Lang lang : Lang.values()) {
                Messages m = new Messages(lang);
                String md = WorkedMarkdown.render(WorkedSolutions.of(s.key(), m.words()), m);
                String where = s.file() + " (" + lang + ")";
                if (lang == Lang.ro) {
                    // the teacher's statement is written as the teacher wrote it (the bundled ones in English)
                    String ours = md.replace(Statement.markdown(s.key().problem().statement()), "");
                    assertFalse(Pattern.compile("\\d\\.\\d").matcher(ours).find(), where + ": a decimal point in Romanian");
                    Set<String> leaked = words(prose(ours.replace(s.key().problem().id(), "")));
                    leaked.retainAll(ENGLISH_ONLY);
                    assertEquals(Set.of(), leaked, where + ": English words in the Romanian solution");
                }
                checkSections(s.key(), md, m, where);
            }
        }
    }

    private static void checkSections(AnswerKey key, String md, Messages m, String where) {
        Problem p = key.problem();
        Recomputed r = new Recomputed(key);
        Map<String, String> sections = sections(md);
        for (Quantity q : p.ask()) {
            assertTrue(sections.containsKey(q.name()), where + ": no section for the asked " + q.name());
        }
        int checkedIntermediates = 0;
        for (var e : sections.entrySet()) {
            Quantity q = p.quantities().parse(e.getKey()).orElseThrow();
            String at = where + " " + q.name();
            String result = line(e.getValue(), m.get("worked.result"), at);
            double[] shown = numbers(rhs(math(result)), m.lang());
            Matrix expected = key.get(q);
            assertEquals(expected.size(), shown.length, at + ": " + result);
            double half = halfUnitStated(result, at);
            for (int i = 0; i < shown.length; i++) {
                double unit = Double.isNaN(half) ? halfUnitOf(shown[i], expected.at(i)) : half;
                assertTrue(Math.abs(shown[i] - expected.at(i)) <= unit * (1 + 1e-9) + 1e-12,
                        at + " cell " + i + ": shown " + shown[i] + ", key " + expected.at(i) + " (" + result + ")");
                assertTrue(p.tolerance().of(q).accepts(shown[i], expected.at(i)),
                        at + ": the shown value must itself pass the tolerance");
            }
            Matrix own = r.intermediate(q);
            String onTheWay = optionalLine(e.getValue(), m.get("worked.intermediate"));
            if (own != null && r.isTheResult(q)) {
                // under a summed cost the batch sum is dW (db) itself: shown once, as the result
                assertEquals(null, onTheWay, at + ": the batch sum is the result");
                for (int i = 0; i < shown.length; i++) {
                    assertTrue(Math.abs(shown[i] - own.at(i)) <= halfUnitOf(shown[i], own.at(i)) * (1 + 1e-9) + 1e-12,
                            at + " (the batch sum), cell " + i + ": shown " + shown[i] + ", recomputed " + own.at(i));
                }
                checkedIntermediates++;
            } else if (own != null) {
                assertTrue(onTheWay != null, at + ": the value on the way is missing");
                double[] v = numbers(rhs(math(onTheWay)), m.lang());
                assertEquals(own.size(), v.length, at + ": " + onTheWay);
                for (int i = 0; i < v.length; i++) {
                    assertTrue(Math.abs(v[i] - own.at(i)) <= halfUnitOf(v[i], own.at(i)) * (1 + 1e-9) + 1e-12,
                            at + " on the way, cell " + i + ": shown " + v[i] + ", recomputed " + own.at(i));
                }
                checkedIntermediates++;
            }
            for (String l : e.getValue().split("\n")) {
                if (l.startsWith("- " + m.get("worked.formula")) || l.startsWith("- " + m.get("worked.chain"))
                        || !l.contains("$")) {
                    continue;
                }
                String[] pieces = l.split("\\$");
                for (int k = 1; k < pieces.length; k += 2) { // the math between $…$; shapes (2×3) are no values
                    if (pieces[k].contains("\\times")) {
                        continue;
                    }
                    for (double n : numbers(GROUP.matcher(pieces[k]).replaceAll(""), m.lang())) {
                        assertTrue(r.known(n), at + ": " + n + " is no value of the computation, in: " + l);
                    }
                }
            }
        }
        assertTrue(checkedIntermediates > 0, where);
    }

    /** The sections by quantity name, in order. */
    static Map<String, String> sections(String md) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher h = Pattern.compile("(?m)^## \\d+\\. `([^`]+)` \\(.*\\)$").matcher(md);
        List<int[]> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (h.find()) {
            starts.add(new int[] {h.start(), h.end()});
            names.add(h.group(1));
        }
        for (int i = 0; i < names.size(); i++) {
            int end = i + 1 < names.size() ? starts.get(i + 1)[0] : md.length();
            out.put(names.get(i), md.substring(starts.get(i)[1], end));
        }
        return out;
    }

    static String line(String section, String label, String at) {
        String l = optionalLine(section, label);
        if (l == null) {
            fail(at + ": no line \"" + label + "\" in\n" + section);
        }
        return l;
    }

    static String optionalLine(String section, String label) {
        for (String l : section.split("\n")) {
            if (l.startsWith("- " + label + ": ")) {
                return l;
            }
        }
        return null;
    }

    static String math(String line) {
        int a = line.indexOf('$');
        return line.substring(a + 1, line.indexOf('$', a + 1));
    }

    static String rhs(String math) {
        return math.substring(math.indexOf(" = ") + 3);
    }

    /** Every number of TeX math, read back as the language writes it. */
    static double[] numbers(String tex, Lang lang) {
        String t = tex.replace("\\begin{pmatrix}", " ").replace("\\end{pmatrix}", " ").replace("{,}", ",");
        Matcher n = (lang == Lang.ro ? RO_NUMBER : EN_NUMBER).matcher(t);
        List<Double> out = new ArrayList<>();
        while (n.find()) {
            out.add(Double.parseDouble(n.group().replace(',', '.')));
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Half a unit of the last place the result line says it keeps: "(rounded to 4 decimals)". */
    private static double halfUnitStated(String line, String at) {
        Matcher d = Pattern.compile("\\((?:rounded to|rotunjit la) (\\d+) (\\S+)").matcher(line);
        assertTrue(d.find(), at + ": the rounding is not stated: " + line);
        int digits = Integer.parseInt(d.group(1));
        boolean significant = line.contains("signific") || line.contains("semnific");
        return significant ? Double.NaN - 0 * digits : 0.5 * Math.pow(10, -digits);
    }

    /** Half a unit of the last decimal a value is written with (the shown value's own digits). */
    private static double halfUnitOf(double shown, double exact) {
        String s = new java.math.BigDecimal(shown).round(new java.math.MathContext(12)).stripTrailingZeros()
                .toPlainString();
        int dot = s.indexOf('.');
        int decimals = dot < 0 ? 0 : s.length() - dot - 1;
        return 0.5 * Math.pow(10, -decimals);
    }

    /** What this test computes by hand from the givens and the key, to hold the solution to. */
    static final class Recomputed {
        private final AnswerKey key;
        private final Problem p;
        private final List<Double> pool = new ArrayList<>();

        Recomputed(AnswerKey key) {
            this.key = key;
            this.p = key.problem();
            key.values().values().forEach(this::add);
            add(p.x());
            add(p.y());
            p.weights().forEach(this::add);
            p.biases().forEach(this::add);
            p.state().values().forEach(this::add);
            pool.addAll(List.of(0.0, 1.0, 2.0, p.learningRate(), p.l2(), (double) p.samples()));
            if (p.optimizer() instanceof Optimizer.Momentum o) {
                pool.addAll(List.of(o.beta(), 1 - o.dampening()));
            } else if (p.optimizer() instanceof Optimizer.RmsProp o) {
                pool.addAll(List.of(o.beta(), 1 - o.beta()));
            } else if (p.optimizer() instanceof Optimizer.Adam o) {
                pool.addAll(List.of(o.beta1(), 1 - o.beta1(), o.beta2(), 1 - o.beta2()));
            }
            Network n = p.network();
            for (int s = 1; s <= p.steps(); s++) {
                for (int l = 1; l <= n.depth(); l++) {
                    add(product(l, s));
                    add(batchSum(l, s));
                    add(deltaSum(l, s));
                    Matrix z = key.get(Quantity.of(Kind.Z, l).atStep(s));
                    add(z.map(Math::exp)); // softmax's numerators and their sum
                    pool.add(z.map(Math::exp).sum());
                    if (n.layer(l).activation() instanceof Activation.Elementwise e) {
                        add(z.map(e::derivative));
                    }
                    add(key.get(Quantity.of(Kind.DW, l).atStep(s)).hadamard(key.get(Quantity.of(Kind.DW, l).atStep(s))));
                    add(key.get(Quantity.of(Kind.DB, l).atStep(s)).hadamard(key.get(Quantity.of(Kind.DB, l).atStep(s))));
                    add(weight(l, s).scale(p.l2() * n.reduction().factor(p.samples())));
                    if (p.optimizer() instanceof Optimizer.Adam o) { // m̂ = m/(1 − β1^t'), v̂ = v/(1 − β2^t'), t' = t + s
                        for (Kind[] mv : new Kind[][] {{Kind.MW_NEXT, Kind.VW_NEXT}, {Kind.MB_NEXT, Kind.VB_NEXT}}) {
                            add(key.get(Quantity.of(mv[0], l).atStep(s)).scale(1 / (1 - Math.pow(o.beta1(), p.t() + s))));
                            add(key.get(Quantity.of(mv[1], l).atStep(s)).scale(1 / (1 - Math.pow(o.beta2(), p.t() + s))));
                        }
                    }
                }
                Matrix yhat = key.get(Quantity.YHAT.atStep(s));
                pool.add((double) yhat.cols());
                add(p.y().map(v -> 1 - v));
                add(yhat.minus(p.y()));
                add(n.loss().perSample(yhat, p.y()));
                add(n.loss().gradient(yhat, p.y()));
                pool.add(lossSum(s));
                pool.add(penalty(s));
            }
        }

        private void add(Matrix m) {
            for (double v : m.toArray()) {
                pool.add(v);
            }
        }

        /** Whether a shown number is one of the values, within the digits it is written with. */
        boolean known(double shown) {
            double unit = halfUnitOf(shown, shown) * (1 + 1e-9) + 1e-12;
            for (double v : pool) {
                if (Math.abs(shown - v) <= unit) {
                    return true;
                }
            }
            return false;
        }

        /** The value the solution must show on the way to q, or null where it shows none this test checks. */
        Matrix intermediate(Quantity q) {
            Network n = p.network();
            int s = q.step();
            return switch (q.kind()) {
                case Z -> product(q.layer(), s);
                case DW -> batchSum(q.layer(), s);
                case DB -> deltaSum(q.layer(), s);
                case LOSS -> Matrix.scalar(lossSum(s));
                case DZ -> q.layer() == n.depth() && !n.loss().simplifiesWith(n.output().activation())
                        ? key.get(Quantity.YHAT.atStep(s)).minus(p.y()) : null;
                default -> null;
            };
        }

        /** Whether the batch sum q is worked through is q itself: dW and db of a summed cost without a penalty. */
        boolean isTheResult(Quantity q) {
            boolean sum = p.network().reduction() == Reduction.SUM;
            return (q.kind() == Kind.DW && sum && p.l2() == 0) || (q.kind() == Kind.DB && sum);
        }

        private Matrix input(int l, int s) {
            if (l == 1) {
                return p.x();
            }
            return key.get((l - 1 == p.network().depth() ? Quantity.YHAT : Quantity.of(Kind.A, l - 1)).atStep(s));
        }

        private Matrix weight(int l, int s) {
            return s == 1 ? p.w(l) : key.get(Quantity.of(Kind.W_NEXT, l).atStep(s - 1));
        }

        /** W·x by hand, in the problem's layout (before b is added). */
        Matrix product(int l, int s) {
            Matrix in = input(l, s);
            Matrix w = weight(l, s);
            boolean outIn = p.network().weightLayout() == WeightLayout.OUT_IN;
            int units = outIn ? w.rows() : w.cols();
            double[][] out = new double[in.rows()][units];
            for (int i = 0; i < in.rows(); i++) {
                for (int j = 0; j < units; j++) {
                    for (int t = 0; t < in.cols(); t++) {
                        out[i][j] += in.get(i, t) * (outIn ? w.get(j, t) : w.get(t, j));
                    }
                }
            }
            return Matrix.of(out);
        }

        /** Σᵢ over the batch of δᵢ ⊗ inputᵢ, in W's shape, before dividing by m. */
        Matrix batchSum(int l, int s) {
            Matrix d = key.get(Quantity.of(Kind.DZ, l).atStep(s));
            Matrix in = input(l, s);
            boolean outIn = p.network().weightLayout() == WeightLayout.OUT_IN;
            double[][] out = outIn ? new double[d.cols()][in.cols()] : new double[in.cols()][d.cols()];
            for (int i = 0; i < d.rows(); i++) {
                for (int j = 0; j < d.cols(); j++) {
                    for (int k = 0; k < in.cols(); k++) {
                        if (outIn) {
                            out[j][k] += d.get(i, j) * in.get(i, k);
                        } else {
                            out[k][j] += in.get(i, k) * d.get(i, j);
                        }
                    }
                }
            }
            return Matrix.of(out);
        }

        Matrix deltaSum(int l, int s) {
            Matrix d = key.get(Quantity.of(Kind.DZ, l).atStep(s));
            double[][] out = new double[1][d.cols()];
            for (int i = 0; i < d.rows(); i++) {
                for (int j = 0; j < d.cols(); j++) {
                    out[0][j] += d.get(i, j);
                }
            }
            return Matrix.of(out);
        }

        /** (λ/2)·Σₗ ‖Wₗ‖² of step s's weights. */
        double penalty(int s) {
            double squares = 0;
            for (int l = 1; l <= p.network().depth(); l++) {
                for (double v : weight(l, s).toArray()) {
                    squares += v * v;
                }
            }
            return p.l2() / 2 * squares;
        }

        /** Σᵢ ℓᵢ from the key's loss: C·m − penalty under mean, C − penalty under sum. */
        double lossSum(int s) {
            double c = key.get(Quantity.LOSS.atStep(s)).at(0);
            return (p.network().reduction() == Reduction.MEAN ? c * p.samples() : c) - penalty(s);
        }
    }
}
