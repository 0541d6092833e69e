package nngrade.grade;

import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import nngrade.submission.RosterReader;
import nngrade.variant.ProblemSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The gradebook's roster columns: after the id, named as on the roster unless the gradebook has a
 * column of that name in any letter case (then "roster:" first); an unnamed column is left out.
 */
class GradebookTest {
    private static final Problem NOTES = new ProblemSource(ProblemLoader.read(Path.of("problems/notes-softmax-step.json")),
            null).forStudent("").problem();

    @Test
    void theRostersColumnsFollowTheIdEmptyForAnIdNotOnItAndGuardedAgainstFormulas(@TempDir Path tmp) throws IOException {
        Path roster = Files.writeString(tmp.resolve("r.csv"), "\uFEFFName,login,Status,,Note\n"
                + "\"Popescu, Ana\",ana,enrolled,,=HYPERLINK(\"x\")\n");
        StringWriter out = new StringWriter();
        Gradebook.write(out, NOTES, List.of(ClassRow.ungraded("ana", RowStatus.MISSING, "", "no submission", 9),
                ClassRow.ungraded("zed", RowStatus.INVALID, "zed.csv", "line 1: bad", 9)),
                Optional.of(RosterReader.read(roster)));
        assertEquals(List.of(
                "id,Name,roster:Status,roster:Note,status,score,max,z1,yhat,loss,dz1,dW1,db1,W1_next,b1_next,diagnoses,file,note",
                "ana,\"Popescu, Ana\",enrolled,\"'=HYPERLINK(\"\"x\"\")\",missing,0,9,,,,,,,,,,,no submission",
                "zed,,,,invalid,0,9,,,,,,,,,,zed.csv,line 1: bad"), out.toString().lines().toList());
    }
}
