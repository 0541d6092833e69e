package nngrade.grade;

import nngrade.check.CheckResult;
import nngrade.check.Checker;
import nngrade.check.Status;
import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import nngrade.solve.AnswerKey;
import nngrade.solve.Solver;
import nngrade.submission.SubmissionReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class ClassRowTest {
    private static final AnswerKey KEY = Solver.solve(ProblemLoader.load(Path.of("problems", "notes-softmax-step.json")));

    private static CheckResult check(String sample, String id) {
        Problem p = KEY.problem();
        return Checker.check(KEY, SubmissionReader.read(Path.of("submissions-sample", sample), p), null, id);
    }

    @Test
    void rowsWithTheSameMarksShareTheirArraysAndKeepTheirOwnIdFileAndNote() {
        ClassRow.Sharing sharing = new ClassRow.Sharing();
        ClassRow ana = sharing.of(check("notes.json", "ana"), RowStatus.GRADED, "");
        ClassRow ion = sharing.of(check("notes.json", "ion"), RowStatus.UNKNOWN, "not on the roster");

        assertSame(ana.statuses(), ion.statuses());
        assertSame(ana.points(), ion.points());
        assertSame(ana.diagnoses(), ion.diagnoses());
        assertEquals("ana", ana.id());
        assertEquals("ion", ion.id());
        assertEquals(RowStatus.UNKNOWN, ion.status());
        assertEquals("not on the roster", ion.note());
        assertEquals(Path.of("submissions-sample", "notes.json").toString(), ion.file());
        // The notes: z1, yhat, loss, dz1 right; dW1 transposed; W1_next carried from it but for one
        // cell; db1 one cell wrong; b1_next carried forward from it.
        assertEquals(Status.CORRECT, ion.statuses()[0]);
        assertEquals("transposed", ion.diagnoses()[4]);
    }

    @Test
    void rowsWithDifferentMarksKeepTheirOwnAndMatchUnsharedRows() {
        ClassRow.Sharing sharing = new ClassRow.Sharing();
        CheckResult notes = check("notes.json", "ana");
        CheckResult perfect = check("perfect.json", "ion");
        ClassRow ana = sharing.of(notes, RowStatus.GRADED, "");
        ClassRow ion = sharing.of(perfect, RowStatus.GRADED, "");

        assertNotSame(ana.statuses(), ion.statuses());
        ClassRow unshared = ClassRow.of(perfect, RowStatus.GRADED, "");
        assertArrayEquals(unshared.statuses(), ion.statuses());
        assertArrayEquals(unshared.points(), ion.points());
        assertArrayEquals(unshared.diagnoses(), ion.diagnoses());
        assertEquals(unshared.score(), ion.score());
        assertEquals(KEY.problem().maxScore(), ion.score());
    }
}
