package nngrade.report.worked;

import nngrade.problem.Graph;
import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.report.Messages;
import nngrade.report.Messages.Lang;
import nngrade.solve.AnswerKey;
import nngrade.solve.Solver;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A computational graph's worked solution ({@link GraphWorkedSolutions}): the forward table puts
 * in the arguments' own values, the backward pass one term per use whose values multiply to the
 * term and sum to the gradient (the fan-out), the step x − η·dx; and the lecture's example reads
 * as it would be written on the board.
 */
class GraphWorkedSolutionsTest {
    private static final Messages EN = new Messages(Lang.en);

    private static AnswerKey solve(String file) {
        return Solver.solve(ProblemLoader.load(Path.of(file)));
    }

    private static List<Double> values(WorkedStep s) {
        return s.substituted().stream().filter(p -> p instanceof Part.Value).map(p -> ((Part.Value) p).value().at(0)).toList();
    }

    @Test
    void everyGraphsStepsPutInTheKeysOwnValues() throws IOException {
        List<WorkedMarkdownTest.Solved> graphs = WorkedMarkdownTest.problems().stream()
                .filter(s -> s.key().problem().isGraph()).toList();
        assertTrue(graphs.size() >= 4, "the bundled graphs and this package's: " + graphs.size());
        int fanOuts = 0;
        for (WorkedMarkdownTest.Solved solved : graphs) {
            AnswerKey key = solved.key();
            Problem p = key.problem();
            Graph g = p.graph();
            WorkedSolution w = WorkedSolutions.of(key, EN.words());
            assertEquals(g.inputs().size() + (g.params().isEmpty() ? 0 : 1), w.given().size(), solved.file());
            for (Quantity q : p.ask()) {
                assertTrue(w.steps().stream().anyMatch(s -> s.quantity().equals(q)), solved.file() + ": no step for " + q);
            }
            for (WorkedStep s : w.steps()) {
                String at = solved.file() + " " + s.quantity().name();
                Quantity q = s.quantity();
                assertEquals(key.get(q), s.result(), at);
                List<Double> v = values(s);
                boolean negated = q.kind() == Kind.NODE && g.node(q.node()).op() == Graph.Op.NEG && v.size() == 1;
                // −c = −1 stops at the argument: "−" before it is the result already
                assertEquals(key.get(q).at(0), negated ? -v.get(0) : v.get(v.size() - 1),
                        at + ": the last value is the result");
                if (q.kind() == Kind.NODE) {
                    Graph.Node n = g.node(q.node());
                    assertTrue(n != null, at + ": a given input is not a step");
                    for (int i = 0; i < n.args().size(); i++) {
                        assertEquals(key.get(Quantity.node(Kind.NODE, n.args().get(i))).at(0), v.get(i), at + " argument " + i);
                    }
                } else if (q.kind() == Kind.D_NODE && g.uses(q.node()).size() > 1) {
                    List<Graph.Use> uses = g.uses(q.node());
                    boolean products = v.size() > uses.size() + 1;
                    if (products) {
                        // d(user)·∂user/∂x for each use, then each term's value, then the sum
                        int k = 0;
                        double sum = 0;
                        List<Double> terms = v.subList(v.size() - 1 - uses.size(), v.size() - 1);
                        for (int u = 0; u < uses.size(); u++) {
                            double dUser = key.get(Quantity.node(Kind.D_NODE, uses.get(u).node().name())).at(0);
                            assertEquals(dUser, v.get(k), at + " use " + u + ": its user's gradient");
                            boolean multiplied = !uses.get(u).node().op().partialFormula(uses.get(u).arg(),
                                    uses.get(u).node().args(), uses.get(u).node().parameter(), EN.words()).equals("1");
                            double term = multiplied ? dUser * v.get(k + 1) : dUser;
                            assertEquals(term, terms.get(u), 1e-12, at + " use " + u + ": the term's value");
                            k += multiplied ? 2 : 1;
                            sum += terms.get(u);
                        }
                        assertEquals(key.get(q).at(0), sum, 1e-12, at + ": the fan-out sums to the gradient");
                    } else {
                        double sum = v.subList(0, uses.size()).stream().mapToDouble(Double::doubleValue).sum();
                        assertEquals(key.get(q).at(0), sum, 1e-12, at + ": the users' gradients sum to it");
                    }
                    fanOuts++;
                } else if (q.kind() == Kind.NODE_NEXT) {
                    assertEquals(List.of(key.get(Quantity.node(Kind.NODE, q.node())).at(0), p.learningRate(),
                            key.get(Quantity.node(Kind.D_NODE, q.node())).at(0), key.get(q).at(0)), v, at);
                }
            }
        }
        assertTrue(fanOuts >= 4, "names used by several nodes: " + fanOuts);
    }

    @Test
    void theFanOutExampleReadsAsOnTheBoard() {
        String md = WorkedMarkdown.render(WorkedSolutions.of(solve("problems/graph-fanout.json"), EN.words()), EN);
        // σ(3)(1 − σ(3)) = 0.045177, so dx = 1·(−4) + 1·0.045177 = −3.954823
        assertTrue(md.contains("- With the numbers: $da\\cdot y + ds\\cdot \\sigma (x)(1 - \\sigma (x)) = 1\\cdot (-4) "
                + "+ 1\\cdot 0.04518 = -4 + 0.04518 = -3.95482$\n"), md);
        assertTrue(md.contains("- With the numbers: $\\max (s, y) = \\max (0.95257, -4) = 0.95257$\n"), md);
        assertTrue(md.contains("## 5. `df` (a step on the way, not asked)\n"), md);
        assertTrue(md.contains("- With the numbers: $\\partial f/\\partial f = 1$\n"), md);
        assertTrue(md.contains("Given: $x = 3$, $y = -4$\n"), md);
    }

    @Test
    void romanianSeparatesArgumentsWithASemicolonAndStepsTheParameters() {
        Messages ro = new Messages(Lang.ro);
        AnswerKey key = solve("src/test/resources/worked/graph-every-op.json");
        String md = WorkedMarkdown.render(WorkedSolutions.of(key, ro.words()), ro, Optional.empty());
        assertTrue(md.contains("$\\max (a; q) = \\max (2{,}25; -3{,}375) = 2{,}25$"), md);
        // a negative base of a power in parentheses, the power raised whole
        assertTrue(md.contains("$x^{3} = (-1{,}5)^{3} = -3{,}375$"), md);
        assertTrue(md.contains("$x - \\eta \\cdot dx = -1{,}5 - 0{,}1\\cdot (-0{,}69683) = -1{,}43032$"), md);
        assertFalse(md.contains("## 1. `x`"), "a given input is not a step");
        assertTrue(md.contains("`b` (pas intermediar, necerut)"), "c needs b, which is not asked");
    }
}
