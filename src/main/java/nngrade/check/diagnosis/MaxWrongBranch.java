package nngrade.check.diagnosis;

import nngrade.problem.Graph;
import nngrade.problem.Matrix;
import nngrade.solve.GraphSolver;

import java.util.List;

/**
 * max (or min) routing its gradient to the wrong argument: the one it did not choose gets
 * d(max), the chosen one 0.
 */
public final class MaxWrongBranch extends CandidateDiagnosis {
    @Override
    public String code() {
        return "max-wrong-branch";
    }

    @Override
    public List<Matrix> candidates(Context c, Matrix reference) {
        if (!GraphValues.innerGradient(c)) {
            return List.of();
        }
        Graph g = c.problem().graph();
        List<Graph.Use> uses = g.uses(c.quantity().node());
        List<Double> terms = GraphValues.contributions(c);
        double sum = 0;
        boolean routed = false;
        for (int i = 0; i < uses.size(); i++) {
            Graph.Use u = uses.get(i);
            Graph.Op op = u.node().op();
            boolean selector = op == Graph.Op.MAX || op == Graph.Op.MIN;
            if (selector && !u.node().args().get(0).equals(u.node().args().get(1))) {
                routed = true;
                boolean chosen = GraphSolver.local(u, GraphValues.values(c)) == 1;
                sum += chosen ? 0 : GraphValues.grads(c).apply(u.node().name());
            } else {
                sum += terms.get(i);
            }
        }
        return routed ? List.of(Matrix.scalar(sum)) : List.of();
    }

}
