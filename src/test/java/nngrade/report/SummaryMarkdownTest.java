package nngrade.report;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The class summary as a CI job summary: every student (up to a page GitHub accepts), the rows to look at, points per quantity. */
class SummaryMarkdownTest {

    private static ClassSummary summary(List<ClassSummary.Student> students) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("graded", 2);
        counts.put("missing", 1);
        Map<String, Double> rates = new LinkedHashMap<>();
        rates.put("z1", 0.5);
        rates.put("dW1", 1.0);
        Map<String, Double> none = new LinkedHashMap<>();
        none.put("z1", 0.0);
        none.put("dW1", 0.0);
        Map<String, Double> mean = new LinkedHashMap<>();
        mean.put("z1", 0.5);
        mean.put("dW1", 1.5);
        Map<String, Double> max = new LinkedHashMap<>();
        max.put("z1", 1.0);
        max.put("dW1", 2.0);
        return new ClassSummary("p", "P", 3, counts, 2, 2.5, 2.5, new int[ClassSummary.BINS], rates, none, List.of(), mean,
                max, students);
    }

    private static ClassSummary.Student student(String id, String name, String status, double score, String note,
                                                boolean attention) {
        return new ClassSummary.Student(id, name, status, score, null, note, attention);
    }

    @Test
    void everyStudentIsARowWithTheirStatusScoreAndNoteEscaped() {
        String md = SummaryMarkdown.render(summary(List.of(
                student("ana|x", "", "graded", 3, "", false),
                student("ion", "", "graded", 2, "possible-copy: the answers fit the variant of ana better", true),
                student("zoe", "", "missing", 0, "no submission", false))));
        assertTrue(md.contains("| quantity | correct | carried forward | mean points |\n|---|---|---|---|\n"
                + "| `z1` | 50% | 0% | 0.5 / 1 |\n| `dW1` | 100% | 0% | 1.5 / 2 |\n"), md);
        assertTrue(md.endsWith("\n### Look at these before using their grades\n\n"
                + "- ion: possible\\-copy: the answers fit the variant of ana better\n"
                + "\n### Students\n\n| id | status | score | note |\n|---|---|---|---|\n"
                + "| ana\\|x | graded | 3 |  |\n"
                + "| ion | graded | 2 | possible\\-copy: the answers fit the variant of ana better |\n"
                + "| zoe | missing | 0 | no submission |\n\n"), md);
    }

    @Test
    void namesGetAColumnWhenTheRosterHasThem() {
        String md = SummaryMarkdown.render(summary(List.of(student("ana", "Ana *Popescu*", "graded", 3, "", false),
                student("ion", "", "graded", 2, "", false))));
        assertTrue(md.contains("| id | name | status | score | note |\n|---|---|---|---|---|\n"
                + "| ana | Ana \\*Popescu\\* | graded | 3 |  |\n| ion |  | graded | 2 |  |\n"), md);
        assertFalse(md.contains("Look at these"));
    }

    @Test
    void aVeryLargeClassIsCutAtAThousandRowsAndTheRestCounted() {
        List<ClassSummary.Student> many = new ArrayList<>();
        for (int i = 0; i < SummaryMarkdown.MAX_STUDENTS + 1; i++) {
            many.add(student(String.format(Locale.ROOT, "s%04d", i), "", "graded", 1, "", false));
        }
        String md = SummaryMarkdown.render(summary(many));
        assertTrue(md.contains("| s0999 | graded | 1 |  |\n\n… and 1 more student: gradebook.csv lists them all.\n"), md);
        assertFalse(md.contains("s1000"));
        assertEquals(SummaryMarkdown.MAX_STUDENTS, md.split("\n\\| s\\d{4} ", -1).length - 1);
    }
}
