package nngrade.grade;

import nngrade.check.Status;
import nngrade.input.BadInputException;
import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import nngrade.problem.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What a regrade changed, as a table: the previous gradebook (written by {@link Gradebook} from
 * rows, or as a spreadsheet left it) and this run's rows in, changes.csv's lines out.
 */
class ChangesTest {
    static final Problem NOTES = ProblemLoader.load(Path.of("problems", "notes-softmax-step.json"));
    static final List<String> ASKED = NOTES.ask().stream().map(Quantity::name).toList();
    static final String ALL = "1 1 1 1 2 1 1 1";
    static final String NOTES_MARKS = "1 1 0 1 0 0 0 1";

    /**
     * A gradebook row: "id status" and, for a graded one, its eight points (the score is their sum,
     * unless a ninth word gives it, as an override's total would).
     */
    static ClassRow row(String spec) {
        String[] w = spec.split(" ");
        RowStatus status = RowStatus.valueOf(w[1].toUpperCase());
        if (w.length == 2) {
            return ClassRow.ungraded(w[0], status, status == RowStatus.MISSING ? "" : w[0] + ".csv", "", NOTES.maxScore());
        }
        double[] points = new double[8];
        Status[] statuses = new Status[8];
        double sum = 0;
        for (int i = 0; i < 8; i++) {
            points[i] = Double.parseDouble(w[2 + i]);
            statuses[i] = points[i] > 0 ? Status.CORRECT : Status.INCORRECT;
            sum += points[i];
        }
        double score = w.length > 10 ? Double.parseDouble(w[10]) : sum;
        return new ClassRow(w[0], status, w[0] + ".json", "", score, NOTES.maxScore(), statuses, points, new String[8]);
    }

    static List<ClassRow> rows(List<String> specs) {
        return specs.stream().map(ChangesTest::row).toList();
    }

    static String gradebook(List<String> specs) {
        StringWriter w = new StringWriter();
        Gradebook.write(w, NOTES, rows(specs));
        return w.toString();
    }

    static List<String> changes(String previous, List<String> now) {
        Optional<Map<String, PreviousGradebook.Counted>> before = previous == null ? Optional.empty()
                : Optional.of(PreviousGradebook.read("graded/gradebook.csv", previous, ASKED));
        String csv = Changes.csv(Changes.between(before, NOTES, rows(now)));
        List<String> lines = new ArrayList<>(Arrays.asList(csv.split("\n")));
        assertEquals("id,quantity,old,new,change", lines.remove(0));
        return lines;
    }

    record Case(String name, String previous, List<String> now, List<String> changes) {
        Case(String name, List<String> before, List<String> now, List<String> changes) {
            this(name, gradebook(before), now, changes);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("no previous gradebook: nothing to compare", (String) null, List.of("ana graded " + ALL), List.of()),
                new Case("the same grades: no line", List.of("ana graded " + ALL, "bob missing"),
                        List.of("ana graded " + ALL, "bob missing"), List.of()),
                new Case("a quantity's points and the total, new − old", List.of("ana graded " + NOTES_MARKS),
                        List.of("ana graded 1 1 0 1 2 0 0 1"), List.of("ana,dW1,0,2,2", "ana,total,4,6,2")),
                new Case("points lost are a negative change, written as a number", List.of("ana graded " + ALL),
                        List.of("ana graded 1 1 0.5 1 2 1 1 1"), List.of("ana,loss,1,0.5,-0.5", "ana,total,9,8.5,-0.5")),
                new Case("quantities in the problem's order, the total last",
                        List.of("ana graded 0 0 0 0 0 0 0 0"), List.of("ana graded 1 0 0 0 0 0 0 1"),
                        List.of("ana,z1,0,1,1", "ana,b1_next,0,1,1", "ana,total,0,2,2")),
                new Case("missing, then graded: the status and the total, no quantity lines", List.of("ana missing"),
                        List.of("ana graded " + NOTES_MARKS), List.of("ana,status,missing,graded,", "ana,total,0,4,4")),
                new Case("graded, then invalid", List.of("ana graded " + ALL), List.of("ana invalid"),
                        List.of("ana,status,graded,invalid,", "ana,total,9,0,-9")),
                new Case("an id that is new, and one that is gone: empty on the side without it",
                        List.of("gone graded " + ALL), List.of("new graded " + NOTES_MARKS),
                        List.of("gone,status,graded,,", "gone,total,9,,", "new,status,,graded,", "new,total,,4,")),
                new Case("unknown, then on the roster: the status alone", List.of("ana unknown " + ALL),
                        List.of("ana graded " + ALL), List.of("ana,status,unknown,graded,")),
                new Case("duplicates are not compared: only the row that counts",
                        List.of("ana duplicate 0 0 0 0 0 0 0 0", "ana graded " + ALL),
                        List.of("ana graded " + ALL, "ana duplicate " + NOTES_MARKS), List.of()),
                new Case("a total set by hand", List.of("ana graded " + NOTES_MARKS),
                        List.of("ana graded " + NOTES_MARKS + " 7.5"), List.of("ana,total,4,7.5,3.5")),
                new Case("a difference below the gradebook's 4 decimals is none", List.of("ana graded " + NOTES_MARKS),
                        List.of("ana graded 1 1 0.000001 1 0 0 0 1"), List.of()),
                new Case("sorted by id, an id that looks like a formula matched as the gradebook writes it",
                        List.of("zoe graded " + ALL, "=1+1 graded " + ALL),
                        List.of("zoe graded " + NOTES_MARKS, "=1+1 graded " + NOTES_MARKS),
                        List.of("'=1+1,loss,1,0,-1", "'=1+1,dW1,2,0,-2", "'=1+1,db1,1,0,-1", "'=1+1,W1_next,1,0,-1",
                                "'=1+1,total,9,4,-5", "zoe,loss,1,0,-1", "zoe,dW1,2,0,-2", "zoe,db1,1,0,-1",
                                "zoe,W1_next,1,0,-1", "zoe,total,9,4,-5")),
                new Case("a spreadsheet's re-save: ';', decimal commas, a roster's columns, capitalised names",
                        "ID;Name;Status;Score;max;z1;yhat;loss;dz1;dW1;db1;W1_next;b1_next;diagnoses;file;note\n"
                                + "ana;Ana Popescu;graded;8,5;9;1;1;0,5;1;2;1;1;1;;ana.json;\n",
                        List.of("ana graded " + ALL), List.of("ana,loss,0.5,1,0.5", "ana,total,8.5,9,0.5")),
                new Case("a quantity the previous gradebook has no column for: its change shows in the total",
                        "id,status,score,max,z1\nana,graded,4,9,1\n", List.of("ana graded " + ALL),
                        List.of("ana,total,4,9,5")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void changes(Case c) {
        assertEquals(c.changes(), changes(c.previous(), c.now()));
    }

    @Test
    void statusAndIdCellsAreGuardedAgainstFormulas() {
        String csv = Changes.csv(List.of(new Changes.Change("@cmd", "status", "=A1", "graded", "")));
        assertEquals("id,quantity,old,new,change\n'@cmd,status,'=A1,graded,\n", csv);
    }

    record Unreadable(String name, String text, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Unreadable> unreadable() {
        return Stream.of(
                new Unreadable("empty", "\n\n", "graded/gradebook.csv: is empty"),
                new Unreadable("not a gradebook's header", "name,points\nana,3\n",
                        "graded/gradebook.csv:1: expected a gradebook's header (id, status, score, …), found \"name,points\""),
                new Unreadable("a status nngrade does not write", "id,status,score\nana,graded,9\nbob,passed,3\n",
                        "graded/gradebook.csv:3: status: \"passed\" is not one of duplicate, graded, invalid, missing, unknown"),
                new Unreadable("a score that is not a number", "id,status,score\nana,graded,nine\n",
                        "graded/gradebook.csv:2: score: \"nine\" is not a number"),
                new Unreadable("points that are not a number", "id,status,score,dW1\n\nana,graded,9,two\n",
                        "graded/gradebook.csv:3: dW1: \"two\" is not a number"),
                new Unreadable("an id counted twice", "id,status,score\nana,graded,9\nana,duplicate,3\nana,invalid,0\n",
                        "graded/gradebook.csv:4: \"ana\" has a second row that counts (the first is on line 2)"),
                new Unreadable("an empty id", "id,status,score\n,graded,9\n", "graded/gradebook.csv:2: the id is empty"),
                new Unreadable("not valid CSV", "id,status,score\n\"ana,graded,9\n",
                        "graded/gradebook.csv:2: is not valid CSV: a quoted value is not closed (a \" without its closing \")"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadable")
    void aPreviousGradebookThatCannotBeReadIsOneLocatedLine(Unreadable u) {
        BadInputException e = assertThrows(BadInputException.class,
                () -> PreviousGradebook.read("graded/gradebook.csv", u.text(), ASKED));
        assertEquals(List.of(u.message()), e.errors().stream().map(x -> x.oneLine()).toList());
    }
}
