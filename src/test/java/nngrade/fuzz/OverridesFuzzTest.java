package nngrade.fuzz;

import nngrade.check.CheckResult;
import nngrade.check.Checker;
import nngrade.grade.ClassRow;
import nngrade.grade.Overrides;
import nngrade.grade.RowStatus;
import nngrade.input.InputError;
import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import nngrade.report.CheckJson;
import nngrade.report.CheckText;
import nngrade.report.Messages;
import nngrade.report.ReportOptions;
import nngrade.solve.AnswerKey;
import nngrade.solve.Solver;
import nngrade.submission.OverridesReader;
import nngrade.submission.PointsOverride;
import nngrade.submission.SubmissionReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutation fuzzing of the overrides reader ({@code grade --overrides}): each mutated file is
 * either read — and then applied to a grading and rendered, as grade would, with the score kept
 * between 0 and the most the problem gives — or refused with one-line messages naming the file.
 * Budget: a sixteenth of {@code nngrade.fuzz.seconds} (see {@link FuzzHarness}).
 */
class OverridesFuzzTest {
    private static final Problem NOTES = ProblemLoader.load(Path.of("problems/notes-softmax-step.json"));
    private static final AnswerKey KEY = Solver.solve(NOTES);
    private static final ReportOptions REPORT = new ReportOptions(new Messages(Messages.Lang.ro), false, true, false);
    private static final CheckResult GRADED = Checker.check(KEY,
            SubmissionReader.read(Path.of("submissions-sample/notes.json"), NOTES), null, "notes");

    static List<FuzzHarness.Seed> seeds() {
        List<FuzzHarness.Seed> seeds = new ArrayList<>(FuzzHarness.files("src/test/resources/overrides"));
        FuzzHarness.files("src/test/resources/adversarial").stream()
                .filter(s -> Path.of(s.name()).getFileName().toString().startsWith("overrides-")).forEach(seeds::add);
        // every asked quantity and the total, for the one student graded, both ways a spreadsheet writes them
        StringBuilder comma = new StringBuilder("id,quantity,points,reason\n");
        StringBuilder semicolon = new StringBuilder("\uFEFFid;quantity;points;reason\r\n");
        NOTES.ask().forEach(q -> {
            comma.append("notes,").append(q.name()).append(",0.5,\"half, by hand\"\n");
            semicolon.append("notes;").append(q.name()).append(";0,5;jumătate\r\n");
        });
        comma.append("notes,total,8,oral\nghost,total,1,\n");
        seeds.add(new FuzzHarness.Seed("generated/every-quantity.csv", comma.toString().getBytes(StandardCharsets.UTF_8)));
        seeds.add(new FuzzHarness.Seed("generated/every-quantity-ro.csv", semicolon.toString().getBytes(StandardCharsets.UTF_8)));
        return seeds;
    }

    /** What grade does with the file: read it, apply it to a graded file, render the report, say what was not applied. */
    static List<InputError> readApplyRender(String source, byte[] input) {
        List<PointsOverride> read = OverridesReader.parse(source, input, NOTES);
        Overrides overrides = Overrides.of(read);
        Overrides.Applied applied = overrides.apply(GRADED, REPORT.messages());
        double score = applied.result().score();
        if (!(score >= 0 && score <= NOTES.maxScore() + 1e-9)) {
            throw new IllegalStateException("an override made the score " + score + " of " + NOTES.maxScore());
        }
        CheckText.render(applied.result(), REPORT);
        CheckJson.render(applied.result(), REPORT);
        // warnings are printed as they are: each must be one short line naming the file, as an error is
        for (String w : overrides.unapplied(List.of(ClassRow.of(applied.result(), RowStatus.GRADED, "")))) {
            if (!w.startsWith(source + ":") || w.lines().count() != 1 || w.length() > FuzzHarness.MAX_MESSAGE_CHARS) {
                throw new IllegalStateException("a warning that is not one short line naming the file: " + w);
            }
        }
        return List.of();
    }

    @Test
    void mutatedOverridesAreReadOrRefusedWithOneLineMessages() {
        double seconds = FuzzHarness.totalSeconds() / 16;
        if (seconds <= 0) {
            return;
        }
        FuzzHarness.Stats stats = FuzzHarness.fuzz("overrides", seeds(), seconds, (base, i, random) -> "overrides.csv",
                (source, input, random) -> readApplyRender(source, input));
        assertTrue(stats.inputs() > 0);
        assertTrue(stats.read() > 0, "some mutated files are still read: " + stats);
    }
}
