package nngrade.submission;

import nngrade.check.CheckResult;
import nngrade.check.Checker;
import nngrade.input.BadInputException;
import nngrade.input.InputError;
import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import nngrade.problem.Quantities;
import nngrade.problem.Quantity;
import nngrade.report.Answers;
import nngrade.report.SubmissionWriter;
import nngrade.solve.AnswerKey;
import nngrade.solve.Solver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static nngrade.submission.Workbooks.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answers in .xlsx workbooks: the CSV layouts in the first sheet, each kind of cell a spreadsheet
 * writes, the messages (file, sheet, cell), and every kind of file that is not a workbook nngrade can
 * read, each refused in one line. Workbooks are written here, by fastexcel's writer ({@link Workbooks}),
 * with a cell's XML put in by hand where Excel writes what that writer cannot (a formula's computed
 * value, an error cell).
 */
class XlsxSubmissionReaderTest {
    private static final String HEADER_MESSAGE = "expected a header quantity,row,col,value (one cell per line) or "
            + "quantity,value (one quantity per line, rows separated by ;)";
    private static final String RESAVE = "; save it again from the spreadsheet, or save the answers as CSV";

    private static Problem notes;
    private static AnswerKey notesKey;

    @BeforeAll
    static void load() {
        notes = ProblemLoader.load(Path.of("problems/notes-softmax-step.json"));
        notesKey = Solver.solve(notes);
    }

    private static Submission read(byte[] xlsx) {
        return SubmissionReader.parse("ana.xlsx", xlsx, notes);
    }

    private static List<String> errors(Submission s) {
        return s.errors().stream().map(InputError::oneLine).toList();
    }

    private static List<String> rejected(String source, byte[] bytes) {
        BadInputException e = assertThrows(BadInputException.class, () -> SubmissionReader.parse(source, bytes, notes));
        return e.errors().stream().map(InputError::oneLine).toList();
    }

    private static Answer answer(Submission s, String name) {
        return s.answers().get(QuantityNames.resolve(name, Quantities.network(1)).orElseThrow());
    }

    // ------------------------------------------------------------ the answer key, in every layout

    static Stream<Arguments> keys() {
        List<Arguments> out = new ArrayList<>();
        for (String p : List.of("notes-softmax-step.json", "two-layer-tanh-softmax.json", "logistic-batch.json",
                "quadratic-sigmoid-regression.json", "inout-relu-mse.yaml", "adam-step.json", "three-step-loss.json",
                "graph-fanout.json", "graph-sigmoid-neuron.json")) { // state, @s names, a graph's scalars
            for (String layout : List.of("long", "compact")) {
                for (boolean numbers : List.of(true, false)) {
                    out.add(Arguments.of(p, layout, numbers));
                }
            }
        }
        return out.stream();
    }

    /**
     * Each problem's answer key typed into a sheet, as numbers or as text, reads back bit for bit
     * (a number cell gives the double it stores, not a display rounded to fewer digits) and grades
     * full marks.
     */
    @ParameterizedTest(name = "{0} {1}, numbers as number cells: {2}")
    @MethodSource("keys")
    void anAnswerKeyReadsBackExactlyAndGradesFullMarks(String file, String layout, boolean numbers) {
        Problem p = ProblemLoader.load(Path.of("problems", file));
        AnswerKey key = Solver.solve(p);
        Answers all = Answers.of(key);
        String csv = layout.equals("long") ? SubmissionWriter.csvLong(all) : SubmissionWriter.csvCompact(all);
        Submission s = SubmissionReader.parse("key.xlsx", Workbooks.fromCsv(csv, numbers), p);
        assertEquals(List.of(), errors(s));
        assertEquals(key.values().keySet(), s.answers().keySet());
        for (Map.Entry<Quantity, Matrix> e : key.values().entrySet()) {
            assertEquals(e.getValue(), s.answers().get(e.getKey()).value(), e.getKey().toString());
        }
        CheckResult r = Checker.check(key, s, null, "key");
        assertEquals(r.maxScore(), r.score());
    }

    // ------------------------------------------------------------ each kind of cell, in both layouts

    private static final String NOT_COMPUTED = "the formula \"=B1*2\" has no computed value; open the file in the "
            + "spreadsheet and save it again, so that its values are computed";
    private static final String DIV0 = "\"#DIV/0!\" is an error value, not a number; fix the formula that gives it";

    /**
     * The cell holding loss: a value the writer writes (a String, Number, Boolean or Formula), or the XML
     * of a cell as Excel writes it ({@code %s} is its reference); then the value read, or the reason
     * given, and whether the reason is the cell's own (a true/false or error cell, not text that is no number).
     */
    static Stream<Arguments> cells() {
        Object[][] kinds = {
                {"number", 3.8588067437128286, 3.8588067437128286, null},
                {"whole number", 4L, 4.0, null},
                {"number as Excel writes it", "<c r=\"%s\"><v>3.8588067437128286</v></c>", 3.8588067437128286, null},
                {"number shown rounded to 2 decimals", "<c r=\"%s\" s=\"1\"><v>0.30000000000000004</v></c>",
                        0.1 + 0.2, null},
                {"smallest double", "<c r=\"%s\"><v>4.9E-324</v></c>", Double.MIN_VALUE, null},
                {"text with a decimal comma", "3,8588", 3.8588, null},
                {"text fraction", "1/3", 1.0 / 3, null},
                {"text with a typographic minus", "−2,5", -2.5, null},
                {"inline text", "<c r=\"%s\" t=\"inlineStr\"><is><t>3.86</t></is></c>", 3.86, null},
                {"formula with its computed value", "<c r=\"%s\"><f>1+2.86</f><v>3.86</v></c>", 3.86, null},
                {"formula giving text", "<c r=\"%s\" t=\"str\"><f>\"3,\"&amp;\"86\"</f><v>3,86</v></c>", 3.86, null},
                {"text that is not a number", "abc", null, "\"abc\" is not a number"},
                {"number too large for a double", "<c r=\"%s\"><v>1E+400</v></c>", null,
                        "\"1E+400\" is not a finite number (too large for a double)"},
                {"true/false", Boolean.TRUE, null, "!TRUE is a true/false value, not a number"},
                {"error", "<c r=\"%s\" t=\"e\"><v>#DIV/0!</v></c>", null, "!" + DIV0},
                {"formula giving an error", "<c r=\"%s\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>", null, "!" + DIV0},
                {"formula never computed", new Workbooks.Formula("B1*2"), null, "!" + NOT_COMPUTED},
        };
        List<Arguments> out = new ArrayList<>();
        for (Object[] k : kinds) {
            out.add(Arguments.of("long", k[0], k[1], k[2], k[3]));
            out.add(Arguments.of("compact", k[0], k[1], k[2], k[3]));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cells")
    void eachKindOfCellGivesItsValueOrSaysWhyNot(String layout, String kind, Object cell, Double value, String reason) {
        boolean xml = cell instanceof String s && s.startsWith("<c ");
        Object written = xml ? 0L : cell;
        byte[] xlsx = layout.equals("long")
                ? Workbooks.sheet(List.of(row("quantity", "row", "col", "value"), row("loss", 1L, 1L, written)))
                : Workbooks.sheet(List.of(row("quantity", "value"), row("loss", written)));
        String ref = layout.equals("long") ? "D2" : "B2";
        if (xml) {
            xlsx = Workbooks.withCell(xlsx, ref, ((String) cell).formatted(ref));
        }
        Submission s = read(xlsx);
        Answer loss = answer(s, "loss");
        if (value != null) {
            assertEquals(List.of(), errors(s));
            assertEquals(Matrix.scalar(value), loss.value());
            return;
        }
        // a cell's own refusal (marked !) names the quantity; in the compact layout text is read number by number
        boolean own = reason.startsWith("!");
        String why = own ? reason.substring(1) : reason;
        String where = layout.equals("compact") && own ? "loss: " : "loss row 1, column 1: ";
        assertEquals(List.of("ana.xlsx: sheet \"Sheet1\", cell " + ref + ": " + where + why), errors(s));
        assertEquals(List.of(where + why), loss.problems());
    }

    // ------------------------------------------------------------ spreadsheets of real students

    /** The Romanian sample, typed as text cells with decimal commas, grades as its CSV does: 9 / 9. */
    @Test
    void aRomanianSheetOfTextWithDecimalCommasGradesFullMarks() throws IOException {
        String csv = Files.readString(Path.of("submissions-sample/compact-ro.csv")).replace("\uFEFF", "");
        Submission s = read(Workbooks.fromCsv(csv, false));
        assertEquals(List.of(), errors(s));
        assertEquals(Matrix.of(new double[][] {{0.347, 1.041, 0}, {-0.979, -2.937, 0}, {0.632, 1.896, 0}}),
                answer(s, "dW1").value());
        CheckResult r = Checker.check(notesKey, s, null, "ro");
        assertEquals(9.0, r.maxScore());
        assertEquals(9.0, r.score());
    }

    /** The long layout with each value a text cell "0,35": the decimal comma needs no quoting in a sheet. */
    @Test
    void longLayoutTextCellsMayHaveDecimalCommas() {
        Submission s = read(Workbooks.sheet(List.of(row("quantity", "row", "col", "value"),
                row("z1", 1L, 1L, "0,8"), row("z1", 1L, 2L, "-2"), row("z1", 1L, 3L, "1,4"), row("loss", null, null, "3,86"))));
        assertEquals(List.of(), errors(s));
        assertEquals(Matrix.of(new double[][] {{0.8, -2, 1.4}}), answer(s, "z1").value());
        assertEquals(Matrix.scalar(3.86), answer(s, "loss").value());
    }

    /**
     * A student who computed W1_next by formulas (=B2-0.1*C2 and so on), as Excel saves them: each
     * formula with its computed value, which is what is graded.
     */
    @Test
    void formulasAreGradedByTheirComputedValues() {
        double[][] next = notesKey.get(QuantityNames.resolve("W1_next", Quantities.network(1)).orElseThrow()).toArray2d();
        List<List<Object>> rows = new ArrayList<>(List.of(row("quantity", "row", "col", "value")));
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                rows.add(row("W1_next", (long) i + 1, (long) j + 1, 0L));
            }
        }
        byte[] xlsx = Workbooks.sheet(rows);
        for (int k = 0; k < 9; k++) {
            String ref = "D" + (k + 2);
            xlsx = Workbooks.withCell(xlsx, ref, "<c r=\"" + ref + "\"><f>W1!B" + (k + 2) + "-0.1*dW1!B" + (k + 2)
                    + "</f><v>" + next[k / 3][k % 3] + "</v></c>");
        }
        Submission s = read(xlsx);
        assertEquals(List.of(), errors(s));
        assertEquals(Matrix.of(next), answer(s, "W1_next").value());
    }

    /** Indices written by a program as 1.0, 2.0 are whole numbers all the same. */
    @Test
    void wholeNumbersWrittenWithADecimalPointAreIndices() {
        Submission s = read(Workbooks.sheet(List.of(row("quantity", "row", "col", "value"),
                row("z1", 1.0, 1.0, 0.8), row("z1", 1.0, 2.0, -2.0), row("z1", 1e0, 3.0, 1.4))));
        assertEquals(List.of(), errors(s));
        assertEquals(Matrix.of(new double[][] {{0.8, -2, 1.4}}), answer(s, "z1").value());
    }

    // ------------------------------------------------------------ where the messages point

    /** Each message names the sheet and the cell (or the row, for a row as a whole). */
    static Stream<Arguments> misplaced() {
        String at = "ana.xlsx: sheet \"Sheet1\", ";
        return Stream.of(
                Arguments.of(List.of(row("name", "answer"), row("z1", "1 2 3")),
                        at + "row 1: " + HEADER_MESSAGE + ", found \"name,answer\""),
                Arguments.of(List.of(row("quantity", "row", "col", "value"), row("z1", 1L, 1L, 0.8, "my note")),
                        at + "row 2: expected 4 cells (quantity,row,col,value), found 5; keep notes out of the columns "
                                + "after the answers"),
                Arguments.of(List.of(row("quantity", "value"), row("z9", "1 2 3")),
                        at + "cell A2: \"z9\" is not a quantity of this problem; expected one of z1, yhat, loss, dz1, dW1, "
                                + "db1, W1_next, b1_next"),
                Arguments.of(List.of(row("quantity", "value"), row("z1", "0.8 -2 1.4"), row("loss", 3.86),
                                row("z1", "1 2 3")),
                        at + "row 4: \"z1\" is answered twice (first on row 2); the first answer is graded"),
                Arguments.of(List.of(row("quantity", "row", "col", "value"), row("z1", 1L, 4L, 0.5)),
                        at + "cell C2: z1: column 4 is out of range; z1 is 1×3 (indices start at 1)"),
                Arguments.of(List.of(row("quantity", "row", "col", "value"), row("db1", 5L, null, 0.5)),
                        at + "cell B2: db1: column 5 is out of range; db1 is 1×3 (indices start at 1)"),
                Arguments.of(List.of(row("quantity", "row", "col", "value"), row("z1", "one", 1L, 0.5)),
                        at + "cell B2: z1: row \"one\" is not an index; expected a whole number from 1 to 3"),
                Arguments.of(List.of(row("quantity", "row", "col", "value"), row("z1", 1L, 1L, 0.8),
                                row("z1", 1L, 1L, 0.9), row("z1", 1L, 2L, -2), row("z1", 1L, 3L, 1.4)),
                        at + "row 3: z1 row 1, column 1 is given twice (first on row 2)"),
                Arguments.of(List.of(row("quantity", "row", "col", "value"), row("z1", 1L, 1L, 0.8), row("z1", 1L, 3L, 1.4)),
                        at + "row 2: z1 has no value for row 1, column 2"),
                Arguments.of(List.of(row("quantity", "value"), row("dW1", "1 2 3; 4 5; 6 7 8")),
                        at + "cell B2: dW1 is ragged: row 2 has 2 values, but row 1 has 3"),
                // blank rows are skipped, and the rows keep their numbers
                Arguments.of(List.of(row(), row(), row("quantity", "value"), row(), row("z1", "0,8 x 1,4")),
                        at + "cell B5: z1 row 1, column 2: \"x\" is not a number"));
    }

    @ParameterizedTest
    @MethodSource("misplaced")
    void messagesNameTheSheetAndTheCell(List<List<Object>> rows, String expected) {
        byte[] xlsx = Workbooks.sheet(rows);
        List<String> found = expected.contains("expected a header") ? rejected("ana.xlsx", xlsx) : errors(read(xlsx));
        assertEquals(List.of(expected), found);
    }

    /** Without a header, the layout is the first row's, as in CSV. */
    @Test
    void theHeaderMayBeLeftOut() {
        Submission s = read(Workbooks.sheet(List.of(row("z1", "0.8 -2 1.4"), row("loss", 3.86))));
        assertEquals(List.of(), errors(s));
        assertEquals(Matrix.scalar(3.86), answer(s, "loss").value());
    }

    /** A blank template saved from the spreadsheet is not answered, and a partly filled one is graded on what is filled. */
    @Test
    void blankTemplateCellsAreNotAnswers() {
        String template = SubmissionWriter.csvLong(Answers.blank(notes));
        assertEquals(List.of("ana.xlsx: has a header but no answers"), rejected("ana.xlsx", Workbooks.fromCsv(template, true)));
        String partly = template.replace("\nz1,1,1,\n", "\nz1,1,1,0.8\n").replace("\nz1,1,2,\n", "\nz1,1,2,-2\n")
                .replace("\nz1,1,3,\n", "\nz1,1,3,1.4\n");
        Submission s = read(Workbooks.fromCsv(partly, true));
        assertEquals(List.of(), errors(s));
        assertEquals(List.of(QuantityNames.resolve("z1", Quantities.network(1)).orElseThrow()), List.copyOf(s.answers().keySet()));
    }

    /** Only the first sheet is read: the student's workings may follow it. */
    @Test
    void onlyTheFirstSheetIsRead() {
        Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
        sheets.put("Answers", List.of(row("quantity", "value"), row("loss", 3.86)));
        sheets.put("Workings", List.of(row("whatever", "I", "like")));
        Submission s = read(Workbooks.write(sheets));
        assertEquals(List.of(), errors(s));
        assertEquals(Matrix.scalar(3.86), answer(s, "loss").value());

        Map<String, List<List<Object>>> reversed = new LinkedHashMap<>();
        reversed.put("Workings", List.of(row("whatever", "I", "like")));
        reversed.put("Answers", List.of(row("quantity", "value"), row("loss", 3.86)));
        assertEquals(List.of("ana.xlsx: sheet \"Workings\", row 1: " + HEADER_MESSAGE + ", found \"whatever,I,like\""),
                rejected("ana.xlsx", Workbooks.write(reversed)));

        Map<String, List<List<Object>>> emptyFirst = new LinkedHashMap<>();
        emptyFirst.put("Notes", List.of());
        emptyFirst.put("Answers", List.of(row("quantity", "value"), row("loss", 3.86)));
        assertEquals(List.of("ana.xlsx: sheet \"Notes\" is empty; the answers are read from the first sheet, under a "
                + "header quantity,row,col,value or quantity,value"), rejected("ana.xlsx", Workbooks.write(emptyFirst)));
    }

    // ------------------------------------------------------------ files that are not workbooks nngrade reads

    private static byte[] ole2(String... streams) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        out.writeBytes(new byte[504]);
        for (String s : streams) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_16LE));
            out.writeBytes(new byte[8]);
        }
        return out.toByteArray();
    }

    private static byte[] key() {
        return Workbooks.fromCsv(SubmissionWriter.csvCompact(Answers.of(notesKey)), true);
    }

    private static byte[] truncated() {
        byte[] k = key();
        return java.util.Arrays.copyOf(k, k.length * 2 / 3);
    }

    static Stream<Arguments> notWorkbooks() {
        String resave = RESAVE;
        return Stream.of(
                Arguments.of("an Excel 97-2003 file", (Supplier<byte[]>) () -> ole2("Workbook", "SummaryInformation"),
                        "is an Excel 97-2003 workbook (.xls); save it as .xlsx (Excel Workbook) or as CSV"),
                Arguments.of("a password-protected workbook",
                        (Supplier<byte[]>) () -> ole2("EncryptionInfo", "EncryptedPackage"),
                        "is password-protected; remove the password (Excel: File › Info › Protect Workbook) and save it "
                                + "again, or save the answers as CSV"),
                Arguments.of("a zip with encrypted entries",
                        (Supplier<byte[]>) () -> Workbooks.withCentralField(key(), 8, flags -> flags | 1),
                        "is password-protected; remove the password (Excel: File › Info › Protect Workbook) and save it "
                                + "again, or save the answers as CSV"),
                Arguments.of("a zip that is no workbook", (Supplier<byte[]>) () -> Workbooks.zip("notes.txt", "hello"),
                        "is a zip archive, not an Excel workbook (it has no [Content_Types].xml); save the answers from "
                                + "the spreadsheet as .xlsx or CSV"),
                Arguments.of("an OpenDocument spreadsheet", (Supplier<byte[]>) () -> Workbooks.zip("mimetype",
                                "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<office:document-content/>"),
                        "is an OpenDocument file (.ods); save it as .xlsx (Excel 2007-365) or as CSV"),
                Arguments.of("an Apple Numbers file", (Supplier<byte[]>) () -> Workbooks.zip("Index/Document.iwa", "x",
                                "Metadata/Properties.plist", "x"),
                        "is an Apple Numbers file; export it as .xlsx (File › Export To › Excel) or as CSV"),
                Arguments.of("a Word document", (Supplier<byte[]>) () -> Workbooks.zip("[Content_Types].xml",
                                "<Types/>", "word/document.xml", "<w:document/>"),
                        "is not a readable .xlsx workbook (its parts are damaged or missing); open it in the spreadsheet "
                                + "and save it again, or save the answers as CSV"),
                Arguments.of("a workbook cut short", (Supplier<byte[]>) XlsxSubmissionReaderTest::truncated,
                        "is not a complete .xlsx workbook (the zip archive is damaged or cut short); save it again from "
                                + "the spreadsheet, or save the answers as CSV"),
                Arguments.of("the first bytes of a zip", (Supplier<byte[]>) () -> new byte[] {'P', 'K', 3, 4},
                        "is not a complete .xlsx workbook (the zip archive is damaged or cut short); save it again from "
                                + "the spreadsheet, or save the answers as CSV"),
                Arguments.of("a workbook without sheets", (Supplier<byte[]>) () -> Workbooks.editPart(key(), "xl/workbook.xml",
                                xml -> xml.replaceAll("<sheets>.*</sheets>", "<sheets/>")),
                        "has no sheets; the answers are read from the first sheet"),
                Arguments.of("an empty first sheet", (Supplier<byte[]>) () -> Workbooks.sheet(List.of()),
                        "sheet \"Sheet1\" is empty; the answers are read from the first sheet, under a header "
                                + "quantity,row,col,value or quantity,value"),
                Arguments.of("a part packed as xz", (Supplier<byte[]>) () -> Workbooks.withCentralField(key(), 10, m -> 95),
                        "is not a workbook as a spreadsheet writes it: part \"" + firstPart() + "\" is packed with a method "
                                + "spreadsheets do not use (95)" + resave),
                Arguments.of("binary bytes named .xlsx", (Supplier<byte[]>) () -> new byte[] {0, 1, 2, (byte) 0xFF},
                        "is not an .xlsx workbook (a workbook is a zip archive, and this file does not start as one); "
                                + "save it from the spreadsheet as .xlsx or CSV"));
    }

    private static String firstPart() {
        return Workbooks.parts(key()).keySet().iterator().next();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notWorkbooks")
    void filesThatAreNotWorkbooksNngradeReadsAreRefusedInOneLine(String what, Supplier<byte[]> bytes, String message) {
        assertEquals(List.of("ana.xlsx: " + message), rejected("ana.xlsx", bytes.get()));
    }

    /** By content, not by name: a workbook named .csv is a workbook, CSV text named .xlsx is CSV. */
    @Test
    void contentDecidesNotTheName() {
        Submission s = SubmissionReader.parse("ana.csv", key(), notes);
        assertEquals(List.of(), errors(s));
        assertEquals(8, s.answers().size());
        Submission csv = SubmissionReader.parse("ana.xlsx", "quantity,value\nloss,3.86\n".getBytes(StandardCharsets.UTF_8), notes);
        assertEquals(Matrix.scalar(3.86), answer(csv, "loss").value());
        // binary bytes that are not a workbook are only told as one when the name says .xlsx
        assertEquals(List.of("ana.csv: is not a text file (it contains NUL bytes); expected answers as JSON or CSV"),
                rejected("ana.csv", new byte[] {0, 1, 2}));
    }

    /** A workbook over the size of any submission is refused before it is read. */
    @Test
    void aWorkbookOverTheSizeLimitIsRefusedByItsSize(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.xlsx");
        Files.write(big, key());
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(SubmissionReader.MAX_BYTES + 1);
        }
        BadInputException e = assertThrows(BadInputException.class, () -> SubmissionReader.read(big, notes));
        assertEquals(List.of(big + ": is 17 MB; a submission is at most 16 MB"),
                e.errors().stream().map(InputError::oneLine).toList());
    }

    // ------------------------------------------------------------ what would make fastexcel-reader take too long or too much

    private static byte[] sheetXml(String sheetData) {
        return Workbooks.editPart(key(), Workbooks.SHEET, xml -> xml.replaceAll("<sheetData>.*</sheetData>",
                java.util.regex.Matcher.quoteReplacement("<sheetData>" + sheetData + "</sheetData>")));
    }

    static Stream<Arguments> hostile() {
        String part = "part \"" + Workbooks.SHEET + "\" ";
        String answers = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>loss</t></is></c><c r=\"B1\"><v>3.86</v></c></row>";
        return Stream.of(
                Arguments.of("a zip bomb: the sheet unpacks to 128 MB",
                        (Supplier<byte[]>) () -> Workbooks.withBomb(key(), Workbooks.SHEET, "<worksheet>", " ", 1L << 27, "</worksheet>"),
                        "unpacks to more than 64 MB; an answer sheet is far smaller: delete the other sheets, or save the "
                                + "answers as CSV"),
                Arguments.of("a zip bomb in a part nngrade does not need",
                        (Supplier<byte[]>) () -> Workbooks.withBomb(key(), "docProps/app.xml", "<Properties>", " ", 1L << 27,
                                "</Properties>"),
                        "unpacks to more than 64 MB; an answer sheet is far smaller: delete the other sheets, or save the "
                                + "answers as CSV"),
                Arguments.of("a cell in column AAAAAA (300 million columns)",
                        (Supplier<byte[]>) () -> sheetXml("<row r=\"1\"><c r=\"AAAAAA1\"><v>1</v></c></row>"),
                        "is not a workbook as a spreadsheet writes it: " + part + "has a cell beyond the last column, XFD: "
                                + "\"AAAAAA1\"" + RESAVE),
                Arguments.of("shared text number 2,000,000,000",
                        (Supplier<byte[]>) () -> sheetXml("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>2000000000</v></c></row>"),
                        "is not a workbook as a spreadsheet writes it: " + part + "has a cell that refers to shared text "
                                + "number 2000000000, beyond 1000000" + RESAVE),
                Arguments.of("shared text index inside another element",
                        (Supplier<byte[]>) () -> sheetXml("<row r=\"1\"><c r=\"A1\" t=\"s\"><is><t><v>2000000000</v></t></is>"
                                + "</c></row>"),
                        "is not a workbook as a spreadsheet writes it: " + part + "has a cell that refers to shared text "
                                + "number 2000000000, beyond 1000000" + RESAVE),
                Arguments.of("a row of 20,000 cells",
                        (Supplier<byte[]>) () -> sheetXml("<row r=\"1\">" + "<c/>".repeat(20_000) + "</row>"),
                        "is not a workbook as a spreadsheet writes it: " + part + "has a row of over 16384 cells" + RESAVE),
                Arguments.of("a row nested in a row, 10,000 cells each",
                        (Supplier<byte[]>) () -> sheetXml("<row>" + "<c/>".repeat(10_000) + "<row>" + "<c/>".repeat(10_000)
                                + "</row></row>"),
                        "is not a workbook as a spreadsheet writes it: " + part + "has a row of over 16384 cells" + RESAVE),
                Arguments.of("a cell in column XFD, then 5000 rows",
                        (Supplier<byte[]>) () -> sheetXml(answers + "<row r=\"2\"><c r=\"XFD2\"><v>1</v></c></row>"
                                + "<row/>".repeat(5000)),
                        "sheet \"Sheet1\" has more rows, or wider ones, than a spreadsheet holds; keep only the answers in it"),
                Arguments.of("a million and one rows",
                        (Supplier<byte[]>) () -> sheetXml("<row/>".repeat(1_048_577)),
                        "sheet \"Sheet1\" has more rows, or wider ones, than a spreadsheet holds; keep only the answers in it"),
                Arguments.of("a number of 2000 digits",
                        (Supplier<byte[]>) () -> sheetXml("<row r=\"1\"><c r=\"A1\"><v>" + "1".repeat(2000) + "</v></c></row>"),
                        "is not a workbook as a spreadsheet writes it: " + part + "has a value of over 1000 characters"
                                + RESAVE),
                Arguments.of("a text of a million characters",
                        (Supplier<byte[]>) () -> sheetXml("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>"
                                + "x".repeat(1_000_000) + "</t></is></c></row>"),
                        "is not a workbook as a spreadsheet writes it: " + part + "has a text of over 100000 characters"
                                + RESAVE),
                Arguments.of("a formula of 20,000 characters",
                        (Supplier<byte[]>) () -> sheetXml("<row r=\"1\"><c r=\"A1\"><f>" + "1+".repeat(10_000) + "1</f></c></row>"),
                        "is not a workbook as a spreadsheet writes it: " + part + "has a formula of over 16384 characters"
                                + RESAVE),
                Arguments.of("a shared formula of 2700 references, used 10 times",
                        (Supplier<byte[]>) () -> sheetXml("<row r=\"1\"><c r=\"A1\"><f t=\"shared\" ref=\"A1:A11\" si=\"0\">"
                                + "A1+".repeat(2700) + "1</f></c>" + "<c><f t=\"shared\" si=\"0\"/></c>".repeat(10) + "</row>"),
                        "is not a workbook as a spreadsheet writes it: " + part + "has more shared and array formulas than "
                                + "a sheet can hold" + RESAVE),
                Arguments.of("20,000 array formulas, each looked through for every cell",
                        (Supplier<byte[]>) () -> sheetXml("<row><c><f t=\"array\" ref=\"A1\">1</f></c></row>".repeat(20_001)),
                        "is not a workbook as a spreadsheet writes it: " + part + "has more shared and array formulas than "
                                + "a sheet can hold" + RESAVE),
                Arguments.of("elements nested 2000 deep",
                        (Supplier<byte[]>) () -> sheetXml("<x>".repeat(2000) + "</x>".repeat(2000)),
                        "is not a workbook as a spreadsheet writes it: " + part + "nests elements over 1000 deep" + RESAVE),
                Arguments.of("a workbook of 20,000 sheets",
                        (Supplier<byte[]>) () -> Workbooks.editPart(key(), "xl/workbook.xml", xml -> xml.replace("<sheets>",
                                "<sheets>" + "<sheet/>".repeat(20_000))),
                        "is not a workbook as a spreadsheet writes it: part \"xl/workbook.xml\" lists over 10000 sheets or "
                                + "parts" + RESAVE),
                Arguments.of("10,001 parts",
                        (Supplier<byte[]>) () -> {
                            Map<String, byte[]> parts = Workbooks.parts(key());
                            for (int i = 0; i < 10_001; i++) {
                                parts.put("junk/" + i, new byte[0]);
                            }
                            return Workbooks.zip(parts);
                        },
                        "is not a workbook as a spreadsheet writes it: has over 10000 parts; a workbook a spreadsheet "
                                + "writes has a few dozen" + RESAVE),
                Arguments.of("a billion laughs (entities are not expanded)",
                        (Supplier<byte[]>) () -> Workbooks.editPart(key(), Workbooks.SHEET, xml -> xml.replaceFirst("<worksheet",
                                "<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                                        + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><worksheet").replace("<sheetData>",
                                "<sheetData><row><c t=\"inlineStr\"><is><t>&c;</t></is></c></row>")),
                        "is not a readable .xlsx workbook (its parts are damaged or missing); open it in the spreadsheet "
                                + "and save it again, or save the answers as CSV"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void hostileWorkbooksAreRefusedQuicklyInOneLine(String what, Supplier<byte[]> bytes, String message) {
        byte[] input = bytes.get();
        assertTrue(input.length < SubmissionReader.MAX_BYTES, input.length + " bytes");
        List<String> found = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> rejected("ana.xlsx", input));
        assertEquals(List.of("ana.xlsx: " + message), found);
    }

    /** The guard refuses nothing a spreadsheet writes: a note in Excel's last column is only a row too wide. */
    @ParameterizedTest
    @ValueSource(strings = {"XFD", "xfd", "$XFD"})
    void aCellInExcelsLastColumnIsRead(String column) {
        Submission s = read(sheetXml("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>quantity</t></is></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>value</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>loss</t></is></c><c r=\"B2\"><v>3.86</v></c></row>"
                + "<row r=\"3\"><c r=\"" + column + "3\" t=\"inlineStr\"><is><t>a note</t></is></c></row>"));
        assertEquals(List.of("ana.xlsx: sheet \"Sheet1\", row 3: expected a quantity's name in the first cell, found an "
                + "empty cell; keep notes out of the rows of answers"), errors(s));
        assertEquals(Matrix.scalar(3.86), answer(s, "loss").value());
    }
}
