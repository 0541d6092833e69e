package nngrade.variant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nngrade.input.BadInputException;
import nngrade.input.Excerpts;
import nngrade.input.InputError;
import nngrade.problem.Fields;
import nngrade.problem.Problem;
import nngrade.problem.ProblemFile;
import nngrade.problem.ProblemLoader;
import nngrade.solve.AnswerKey;
import nngrade.solve.Solver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-student variants: a problem file whose given values are generators becomes, for each
 * student, a problem with literal values — a pure function of (file text, student id, secret).
 * Generators are drawn in file order, cells row by row, from one SplitMix64 stream seeded by
 * {@link Seeds}; a draw that breaks the constraints is followed by the next from the same stream.
 */
public final class Variants {
    private Variants() {
    }

    /** The student's variant, validated and solved. */
    public record Variant(ProblemFile file, Problem problem, AnswerKey key) {
    }

    private static List<String> names(Map<String, Generator> given, Map<String, Generator> inputs) {
        List<String> out = new ArrayList<>(given.keySet());
        out.addAll(inputs.keySet());
        return out;
    }

    public static Variant of(ProblemFile file, String studentId, Secret secret) {
        String source = file.source();
        Map<String, Generator> generators = new LinkedHashMap<>();
        for (var it = file.root().path("given").fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode v = e.getValue();
            if (v.isObject() && v.has("random")) {
                generators.put(e.getKey(), Generator.parse(source, "given." + Excerpts.pathName(e.getKey()), v));
            }
        }
        // a graph's inputs are scalars: a generator there draws one value unless it says otherwise
        Map<String, Generator> inputs = new LinkedHashMap<>();
        for (var it = file.root().path("graph").path("inputs").fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode v = e.getValue();
            if (v.isObject() && v.has("random")) {
                ObjectNode scalar = ((ObjectNode) v).deepCopy();
                if (!scalar.has("shape")) {
                    scalar.set("shape", scalar.arrayNode().add(1).add(1));
                }
                String path = "graph.inputs." + Excerpts.pathName(e.getKey());
                Generator g = Generator.parse(source, path, scalar);
                if (g.rows() != 1 || g.cols() != 1) {
                    throw new BadInputException(InputError.atField(source, path + ".shape", path
                            + " is one number: leave out shape, or write [1, 1]"));
                }
                inputs.put(e.getKey(), g);
            }
        }
        if (generators.isEmpty() && inputs.isEmpty()) {
            Problem p = ProblemLoader.build(file);
            return new Variant(file, p, Solver.solve(p));
        }
        if (secret == null || secret.isEmpty()) {
            throw new BadInputException(InputError.inFile(source, "draws given values at random for each student ("
                    + String.join(", ", names(generators, inputs)) + "), so it needs the teacher's secret: "
                    + "--secret-file FILE or the NNGRADE_SECRET environment variable"));
        }
        JsonNode tries = file.root().path("constraints").get("maxTries");
        if (tries != null && (!tries.isIntegralNumber() || !tries.canConvertToInt() || tries.asInt() < 1
                || tries.asInt() > ProblemLoader.MAX_TRIES)) {
            // the drawn problems are validated without their constraints: the bound on the draws is checked here
            throw new BadInputException(InputError.atField(source, "constraints.maxTries", "expected a whole number from 1 to "
                    + ProblemLoader.MAX_TRIES + ", found " + Fields.describe(tries)));
        }
        Constraints constraints = Constraints.of(file.root().get("constraints"));
        SplitMix64 random = new SplitMix64(Seeds.seed(file.text(), studentId, secret));
        String lastBroken = null;
        for (int attempt = 0; attempt < constraints.maxTries(); attempt++) {
            ObjectNode root = file.root().deepCopy();
            ObjectNode given = (ObjectNode) root.get("given");
            generators.forEach((name, g) -> given.set(name, Generator.toJson(g.draw(random))));
            inputs.forEach((name, g) -> ((ObjectNode) root.get("graph").get("inputs")).set(name,
                    Generator.toJson(g.draw(random)).get(0).get(0)));
            root.remove("constraints");
            ProblemFile drawn = file.withRoot(root);
            Problem p = ProblemLoader.build(drawn);
            AnswerKey key;
            try {
                key = Solver.solve(p);
            } catch (BadInputException overflow) {
                lastBroken = "the answer key is not finite";
                continue;
            }
            lastBroken = constraints.broken(p, key);
            if (lastBroken == null) {
                return new Variant(drawn, p, key);
            }
        }
        throw new BadInputException(InputError.atField(source, "constraints", "no variant for student \"" + studentId
                + "\" met the constraints in " + constraints.maxTries() + " draws (the last: " + lastBroken
                + "); loosen the constraints or change the generators' ranges"));
    }
}
