package nngrade.grade;

import nngrade.check.CheckResult;
import nngrade.check.Checker;
import nngrade.check.QuantityResult;
import nngrade.check.Status;
import nngrade.input.InputError;
import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import nngrade.report.Messages;
import nngrade.solve.AnswerKey;
import nngrade.solve.Solver;
import nngrade.submission.PointsOverride;
import nngrade.submission.SubmissionReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The teacher's overrides applied to a grading, as a table: the notes' own answers (4 of 9, dW1 0 of 2) in, points and notes out. */
class OverridesTest {
    private static final AnswerKey KEY = Solver.solve(ProblemLoader.load(Path.of("problems", "notes-softmax-step.json")));
    private static final Messages EN = new Messages(Messages.Lang.en);
    private static final Messages RO = new Messages(Messages.Lang.ro);

    private static CheckResult notes(String id) {
        Problem p = KEY.problem();
        return Checker.check(KEY, SubmissionReader.read(Path.of("submissions-sample", "notes.json"), p), null, id);
    }

    /** "id quantity points reason…", quantity "total" for the total; a line number each, from 2. */
    private static Overrides overrides(List<String> specs) {
        List<PointsOverride> list = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            String[] w = specs.get(i).split(" ", 4);
            list.add(new PointsOverride("overrides.csv", i + 2, w[0], w[1].equals("total") ? null : w[1],
                    Double.parseDouble(w[2]), w.length > 3 ? w[3] : ""));
        }
        return Overrides.of(list);
    }

    private static double points(CheckResult r, String quantity) {
        return r.quantities().stream().filter(q -> q.quantity().name().equals(quantity)).findFirst().orElseThrow().points();
    }

    record Case(String name, List<String> overrides, Messages.Lang lang, double score, double dW1, List<String> reportNotes,
                List<String> gradebookNotes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a quantity's points: the score follows", List.of("ana dW1 2 the key's layout was ambiguous"),
                        Messages.Lang.en, 6, 2,
                        List.of("Points changed by your teacher: dW1 0 → 2 (the key's layout was ambiguous)"),
                        List.of("override: dW1 0 → 2: the key's layout was ambiguous")),
                new Case("without a reason", List.of("ana dW1 1"), Messages.Lang.en, 5, 1,
                        List.of("Points changed by your teacher: dW1 0 → 1"), List.of("override: dW1 0 → 1")),
                new Case("the total: the quantities keep their points", List.of("ana total 7.5 oral exam"), Messages.Lang.en,
                        7.5, 0, List.of("Points changed by your teacher: total 4 → 7.5 (oral exam)"),
                        List.of("override: total 4 → 7.5: oral exam")),
                new Case("quantities first, in the problem's order, then the total over them",
                        List.of("ana total 8 capped", "ana W1_next 1", "ana dW1 2"), Messages.Lang.en, 8, 2,
                        List.of("Points changed by your teacher: dW1 0 → 2", "Points changed by your teacher: W1_next 0 → 1",
                                "Points changed by your teacher: total 7 → 8 (capped)"),
                        List.of("override: dW1 0 → 2", "override: W1_next 0 → 1", "override: total 7 → 8: capped")),
                new Case("points lowered", List.of("ana z1 0 copied"), Messages.Lang.en, 3, 0,
                        List.of("Points changed by your teacher: z1 1 → 0 (copied)"), List.of("override: z1 1 → 0: copied")),
                new Case("in Romanian, with a decimal comma", List.of("ana dW1 1.5 jumătate"), Messages.Lang.ro, 5.5, 1.5,
                        List.of("Puncte modificate de profesor: dW1 0 → 1,5 (jumătate)"), List.of("override: dW1 0 → 1.5: jumătate")),
                new Case("another student's overrides change nothing", List.of("ion dW1 2", "ion total 9"), Messages.Lang.en,
                        4, 0, List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void applied(Case c) {
        CheckResult before = notes("ana");
        Overrides.Applied a = overrides(c.overrides()).apply(before, new Messages(c.lang()));
        assertEquals(c.score(), a.result().score(), 1e-12);
        assertEquals(c.dW1(), points(a.result(), "dW1"));
        assertEquals(c.reportNotes(), a.result().notes());
        assertEquals(c.gradebookNotes(), a.notes());
        // the marks and feedback stay what the checker found
        assertEquals(before.quantities().stream().map(QuantityResult::status).toList(),
                a.result().quantities().stream().map(QuantityResult::status).toList());
        assertEquals(Status.INCORRECT, a.result().quantities().get(4).status());
        assertEquals(before.maxScore(), a.result().maxScore());
    }

    @Test
    void aNoteAlreadyThereStaysFirst() {
        CheckResult noted = notes("ana").withNote("Note: another variant's code");
        Overrides.Applied a = overrides(List.of("ana dW1 2")).apply(noted, EN);
        assertEquals(List.of("Note: another variant's code", "Points changed by your teacher: dW1 0 → 2"), a.result().notes());
    }

    @Test
    void aFileThatCouldNotBeReadIsLeftAsItIs() {
        CheckResult invalid = CheckResult.invalid(KEY.problem(), "ana", "ana.csv",
                List.of(InputError.atLine("ana.csv", 1, "broken")));
        Overrides.Applied a = overrides(List.of("ana total 9")).apply(invalid, RO);
        assertSame(invalid, a.result());
        assertEquals(List.of(), a.notes());
    }

    @Test
    void noOverridesLeaveTheResultAsItIs() {
        CheckResult r = notes("ana");
        assertSame(r, Overrides.NONE.apply(r, EN).result());
    }

    @Test
    void overridesTheGradebookCannotShowAreWarnedInFileOrder() {
        Overrides o = overrides(List.of("ana dW1 2", "zed total 3", "bob dW1 1", "cid total 5", "dup total 4", "eve dW1 2"));
        List<ClassRow> rows = List.of(
                ClassRow.of(notes("ana"), RowStatus.GRADED, ""),
                ClassRow.ungraded("bob", RowStatus.MISSING, "", "no submission", 9),
                ClassRow.ungraded("cid", RowStatus.INVALID, "cid.csv", "line 1: broken", 9),
                ClassRow.of(notes("dup"), RowStatus.DUPLICATE, "not counted"),
                ClassRow.of(notes("dup"), RowStatus.GRADED, "counted"),
                ClassRow.of(notes("eve"), RowStatus.UNKNOWN, "not on the roster"));
        assertEquals(List.of("overrides.csv:3: no student \"zed\" in this class: not applied",
                "overrides.csv:4: bob handed in nothing: not applied",
                "overrides.csv:5: cid's file could not be read, so it has no points to change: not applied"),
                o.unapplied(rows));
    }
}
