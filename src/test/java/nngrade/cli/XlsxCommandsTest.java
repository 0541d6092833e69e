package nngrade.cli;

import nngrade.problem.ProblemLoader;
import nngrade.report.Answers;
import nngrade.report.SubmissionWriter;
import nngrade.solve.Solver;
import nngrade.submission.Workbooks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static nngrade.submission.Workbooks.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code nngrade check} and {@code nngrade grade} on .xlsx workbooks, through {@link Main#run}. */
class XlsxCommandsTest {
    private static final String NOTES = GradeRuns.NOTES;

    private static byte[] key(boolean compact) {
        Answers key = Answers.of(Solver.solve(ProblemLoader.load(Path.of(NOTES))));
        return Workbooks.fromCsv(compact ? SubmissionWriter.csvCompact(key) : SubmissionWriter.csvLong(key), true);
    }

    @Test
    void theAnswerKeyAsAWorkbookChecksFullMarks(@TempDir Path dir) throws IOException {
        for (boolean compact : List.of(true, false)) {
            Path f = Files.write(dir.resolve("ana.popescu.xlsx"), key(compact));
            GradeRuns.Run r = GradeRuns.run("check", NOTES, f.toString(), "--lang", "en");
            assertEquals(0, r.code(), r.all());
            assertTrue(r.out().startsWith("nngrade check · notes-softmax-step · ana.popescu\nScore 9 / 9\n"), r.out());
            assertTrue(r.out().contains("Everything is correct. Well done!"), r.out());
        }
    }

    @Test
    void aWrongCellIsNamedByItsSheetAndReference(@TempDir Path dir) throws IOException {
        byte[] xlsx = Workbooks.withCell(key(true), "B4", "<c r=\"B4\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>");
        Path f = Files.write(dir.resolve("ana.xlsx"), xlsx);
        GradeRuns.Run r = GradeRuns.run("check", NOTES, f.toString(), "--lang", "en");
        assertEquals(1, r.code(), r.all());
        assertTrue(r.out().contains(f + ": sheet \"Sheet1\", cell B4: loss: \"#DIV/0!\" is an error value, not a number; "
                + "fix the formula that gives it\n"), r.out());
        assertTrue(r.out().contains("Score 8 / 9"), r.out());
    }

    @Test
    void anOldExcelFileCannotBeReadInOneLine(@TempDir Path dir) throws IOException {
        byte[] xls = new byte[512];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1}, 0, xls, 0, 8);
        Path f = Files.write(dir.resolve("ana.xls"), xls);
        GradeRuns.Run r = GradeRuns.run("check", NOTES, f.toString());
        assertEquals(2, r.code(), r.all());
        assertTrue(r.out().contains("\n  " + f + ": is an Excel 97-2003 workbook (.xls); save it as .xlsx (Excel Workbook) "
                + "or as CSV\n"), r.out());
        assertFalse(r.all().contains("Exception"), r.all());
    }

    /** grade finds .xlsx files in folders (any letter case) beside JSON and CSV, and grades them like any other. */
    @Test
    void gradeFindsWorkbooksInFolders(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("class"));
        Files.write(in.resolve("ana.XLSX"), key(true));
        Files.write(in.resolve("bogdan.xlsx"), Workbooks.sheet(List.of(row("name", "answer"))));
        Files.write(in.resolve(".hidden.xlsx"), key(true));
        Files.copy(Path.of("submissions-sample/long.csv"), in.resolve("long.csv"));
        Path out = dir.resolve("graded");
        GradeRuns.Run r = GradeRuns.grade(NOTES, in, "--out", out, "--quiet");
        assertEquals(1, r.code(), r.all());
        assertEquals(in.resolve("bogdan.xlsx") + ": invalid: sheet \"Sheet1\", row 1: expected a header "
                + "quantity,row,col,value (one cell per line) or quantity,value (one quantity per line, rows separated "
                + "by ;), found \"name,answer\"\n", r.err());
        List<String> book = Files.readAllLines(out.resolve("gradebook.csv"));
        assertEquals(4, book.size(), String.join("\n", book));
        assertTrue(book.get(1).startsWith("ana,graded,9,9,1,1,1,1,2,1,1,1,,"), book.get(1));
        assertTrue(book.get(2).startsWith("bogdan,invalid,0,9,"), book.get(2));
        assertTrue(book.get(3).startsWith("long,graded,9,9,"), book.get(3));
        assertFalse(String.join("\n", book).contains("hidden"));
    }
}
