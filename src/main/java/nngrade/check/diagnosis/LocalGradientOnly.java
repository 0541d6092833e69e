package nngrade.check.diagnosis;

import nngrade.problem.Graph;
import nngrade.problem.Matrix;
import nngrade.solve.GraphSolver;

import java.util.List;

/** The local derivative without the upstream factor: Σ over the uses of ∂user/∂name, as if every d(user) were 1. */
public final class LocalGradientOnly extends CandidateDiagnosis {
    @Override
    public String code() {
        return "local-gradient-only";
    }

    @Override
    public List<Matrix> candidates(Context c, Matrix reference) {
        if (!GraphValues.innerGradient(c)) {
            return List.of();
        }
        Graph g = c.problem().graph();
        double sum = 0;
        for (Graph.Use u : g.uses(c.quantity().node())) {
            sum += GraphSolver.local(u, GraphValues.values(c));
        }
        return List.of(Matrix.scalar(sum));
    }
}
