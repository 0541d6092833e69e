package nngrade.submission;

import nngrade.check.CheckResult;
import nngrade.check.Checker;
import nngrade.check.QuantityResult;
import nngrade.check.Status;
import nngrade.input.BadInputException;
import nngrade.input.InputError;
import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import nngrade.solve.Solver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answers as students really write them (issue 15, rule 8): a spreadsheet row per quantity or per
 * matrix row, JSON slips, misspelt names, and the 1-based places messages give them. Read against
 * problems/two-layer-tanh-softmax.json: 2 inputs, 3 tanh units, 2 softmax outputs, one sample, so
 * yhat is 1×2, dW1 3×2 and dW2 2×3 (units × inputs), loss 1×1.
 */
class StudentFormsTest {
    private static final Quantity DW1 = Quantity.of(Kind.DW, 1);
    private static final Quantity DW2 = Quantity.of(Kind.DW, 2);
    private static final Quantity Z1 = Quantity.of(Kind.Z, 1);
    private static final Quantity W1_NEXT = Quantity.of(Kind.W_NEXT, 1);
    private static final Quantity DZ2 = Quantity.of(Kind.DZ, 2);
    private static final String NAMES = "z1, a1, z2, yhat, loss, dz2, dW2, db2, da1, dz1, dW1, db1, W1_next, b1_next, "
            + "W2_next, b2_next";

    private static final Matrix YHAT = Matrix.of(new double[][] {{0.6365, 0.3132}});
    private static final Matrix DW1_VALUE = Matrix.of(new double[][] {{0.1, -0.2}, {0.35, 0.4}, {-0.5, 0.6}});
    private static final Matrix LOSS = Matrix.scalar(3.86);

    private static Problem twoLayer;

    @BeforeAll
    static void load() {
        twoLayer = ProblemLoader.load(Path.of("problems/two-layer-tanh-softmax.json"));
    }

    private static Submission read(String source, String text) {
        return SubmissionReader.parse(source, text.getBytes(StandardCharsets.UTF_8), twoLayer);
    }

    private static Submission read(String source, byte[] bytes) {
        return SubmissionReader.parse(source, bytes, twoLayer);
    }

    private static List<String> errors(Submission s) {
        return s.errors().stream().map(InputError::oneLine).toList();
    }

    private static List<String> rejected(String source, String text) {
        BadInputException e = assertThrows(BadInputException.class, () -> read(source, text));
        return e.errors().stream().map(InputError::oneLine).toList();
    }

    // ---------------------------------------------------------------- a row per quantity, a row per matrix row

    /** yhat, dW1 and loss, the same values, in every form a spreadsheet row gives them. */
    static Stream<Arguments> spreadsheetRows() {
        return Stream.of(
                Arguments.of("; and decimal commas, a header", """
                        quantity;value
                        yhat;0,6365;0,3132
                        dW1;0,1;-0,2
                        dW1;0,35;0,4
                        dW1;-0,5;0,6
                        loss;3,86
                        """),
                Arguments.of("; without a header", """
                        yhat;0,6365;0,3132
                        dW1;0,1;-0,2
                        dW1;0,35;0,4
                        dW1;-0,5;0,6
                        loss;3,86
                        """),
                Arguments.of(", and decimal points, without a header", """
                        yhat,0.6365,0.3132
                        dW1,0.1,-0.2
                        dW1,0.35,0.4
                        dW1,-0.5,0.6
                        loss,3.86
                        """),
                Arguments.of("a header naming the columns, Excel's padding cells, CRLF", "quantity;1;2\r\n"
                        + "yhat;0,6365;0,3132\r\ndW1;0,1;-0,2\r\ndW1;0,35;0,4\r\ndW1;-0,5;0,6\r\nloss;3,86;\r\n"),
                Arguments.of("row numbers in the first column", """
                        quantity;row;value;value
                        yhat;1;0,6365;0,3132
                        dW1;1;0,1;-0,2
                        dW1;2;0,35;0,4
                        dW1;3;-0,5;0,6
                        loss;3,86
                        """),
                Arguments.of("row numbers, without a header", """
                        dW1;1;0,1;-0,2
                        dW1;2;0,35;0,4
                        dW1;3;-0,5;0,6
                        yhat;0,6365;0,3132
                        loss;3,86
                        """),
                Arguments.of("compact rows, one per line", """
                        quantity,value
                        yhat,0.6365 0.3132
                        dW1,0.1 -0.2
                        dW1,0.35 0.4
                        dW1,-0.5 0.6
                        loss,3.86
                        """),
                Arguments.of("a compact matrix whose ; the delimiter took", """
                        quantity;value
                        yhat;0,6365 0,3132
                        dW1;0,1 -0,2; 0,35 0,4; -0,5 0,6
                        loss;3,86
                        """),
                Arguments.of("the compact layout as before", """
                        quantity,value
                        yhat,0.6365 0.3132
                        dW1,"0.1 -0.2; 0.35 0.4; -0.5 0.6"
                        loss,3.86
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spreadsheetRows")
    void aRowPerQuantityOrPerMatrixRowIsRead(String form, String csv) {
        assertForms(read("ana.csv", csv));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spreadsheetRows")
    void theSameRowsAreReadFromAWorkbook(String form, String csv) {
        // a sheet holds numbers as numbers, or as text when typed in a decimal-comma locale
        assertForms(read("ana.xlsx", Workbooks.fromCsv(csv, true)));
        assertForms(read("ana.xlsx", Workbooks.fromCsv(csv, false)));
    }

    private static void assertForms(Submission s) {
        assertEquals(List.of(), errors(s));
        assertEquals(List.of(DW1, Quantity.YHAT, Quantity.LOSS).stream().sorted(StudentFormsTest::byName).toList(),
                s.answers().keySet().stream().sorted(StudentFormsTest::byName).toList());
        assertEquals(YHAT, s.answers().get(Quantity.YHAT).value());
        assertEquals(DW1_VALUE, s.answers().get(DW1).value());
        assertEquals(LOSS, s.answers().get(Quantity.LOSS).value());
    }

    private static int byName(Quantity a, Quantity b) {
        return a.name().compareTo(b.name());
    }

    @Test
    void aFirstColumnIsRowNumbersOnlyWhenWithoutItTheValuesFitTheQuantity() {
        // dW2 is 2×3: "1;2;3" and "2;4;6" are its six values, though they start 1, 2
        Submission values = read("v.csv", "quantity;value\ndW2;1;2;3\ndW2;2;4;6\n");
        assertEquals(List.of(), errors(values));
        assertEquals(Matrix.of(new double[][] {{1, 2, 3}, {2, 4, 6}}), values.answers().get(DW2).value());
        // with one more cell per row, the first column is the rows' numbers
        Submission numbered = read("v.csv", "quantity;value\ndW2;1;1;2;3\ndW2;2;2;4;6\n");
        assertEquals(Matrix.of(new double[][] {{1, 2, 3}, {2, 4, 6}}), numbered.answers().get(DW2).value());
        // numbers out of order are values: the rows are read as they stand (and graded as a wrong shape)
        Submission unordered = read("v.csv", "quantity;value\ndW2;2;1;2;3\ndW2;1;2;4;6\n");
        assertEquals(Matrix.of(new double[][] {{2, 1, 2, 3}, {1, 2, 4, 6}}), unordered.answers().get(DW2).value());
    }

    @Test
    void aColumnWrittenAsRowsIsReadAsItsVector() {
        Submission s = read("col.csv", "yhat;0,6365\nyhat;0,3132\n");
        assertEquals(List.of(), errors(s));
        assertEquals(Matrix.of(new double[][] {{0.6365}, {0.3132}}), s.answers().get(Quantity.YHAT).value());
    }

    @Test
    void aNameAgainAfterAnotherQuantityIsAnsweredTwice() {
        Submission s = read("twice.csv", "yhat;0,6;0,4\nloss;3,86\nyhat;0,5;0,5\n");
        assertEquals(List.of("twice.csv:3: \"yhat\" is answered twice (first on line 1); the first answer is graded"),
                errors(s));
        assertEquals(Matrix.of(new double[][] {{0.6, 0.4}}), s.answers().get(Quantity.YHAT).value());
    }

    @Test
    void decimalCommasSplitByACommaDelimiterAreToldNotRead() {
        Submission s = read("split.csv", "quantity,value\nyhat,0,6365,0,3132\nloss,3.86\n");
        assertEquals(List.of("split.csv:2: yhat has 4 cells for its 2 values; with , as the delimiter write decimals "
                + "with a point (0.35), or use ; as the delimiter"), errors(s));
        assertFalse(s.answers().get(Quantity.YHAT).isReadable());
        assertEquals(LOSS, s.answers().get(Quantity.LOSS).value());
    }

    // ---------------------------------------------------------------- a row that cannot be read: unreadable, not missing

    static Stream<Arguments> unreadableRows() {
        return Stream.of(
                Arguments.of("quantity;value\nyhat;0,6365;zero\n", "bad.csv:2: yhat row 1, column 2: \"zero\" is not a number",
                        List.of("yhat row 1, column 2: \"zero\" is not a number")),
                Arguments.of("quantity;value\nyhat;0,6365;;0,3\n", "bad.csv:2: yhat row 1, column 2: the value is empty",
                        List.of("yhat row 1, column 2: the value is empty")),
                Arguments.of("quantity;value\nyhat;0,6;0,3\nyhat;0,1\n",
                        "bad.csv:3: yhat is ragged: row 2 has 1 values, but row 1 has 2",
                        List.of("yhat is ragged: row 2 has 1 values, but row 1 has 2")),
                Arguments.of("quantity;row;col;value\nyhat;1;1\nyhat;1;2;0,3\n",
                        "bad.csv:2: expected 4 cells (quantity,row,col,value), found 3",
                        List.of("line 2: expected 4 cells (quantity,row,col,value), found 3")),
                Arguments.of("quantity,row,col,value\nyhat,1,1,0,6\nyhat,1,2,0.3\n",
                        "bad.csv:2: expected 4 cells (quantity,row,col,value), found 5; with , as the delimiter write "
                                + "decimals with a point (0.35), or use ; as the delimiter",
                        List.of("line 2: expected 4 cells (quantity,row,col,value), found 5; with , as the delimiter write "
                                + "decimals with a point (0.35), or use ; as the delimiter")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("unreadableRows")
    void aQuantityWhoseRowCannotBeReadIsUnreadableWithTheReason(String csv, String error, List<String> problems) {
        Submission s = read("bad.csv", csv);
        assertEquals(List.of(error), errors(s));
        Answer yhat = s.answers().get(Quantity.YHAT);
        assertFalse(yhat.isReadable());
        assertEquals(problems, yhat.problems());
        // graded as invalid with its reason, never as missing
        CheckResult r = Checker.check(Solver.solve(twoLayer), s, null, "ana");
        QuantityResult q = r.quantities().stream().filter(x -> x.quantity().equals(Quantity.YHAT)).findFirst().orElseThrow();
        assertEquals(Status.INVALID, q.status());
    }

    @Test
    void aSheetsMessagesNameTheCellOfTheValue() {
        Submission s = read("ana.xlsx", Workbooks.sheet(List.of(Workbooks.row("quantity", "value"),
                Workbooks.row("yhat", 0.6365, "zero"), Workbooks.row("dW1", 1L, 0.1, -0.2), Workbooks.row("dW1", 2L, true, 0.4),
                Workbooks.row("dW1", 3L, -0.5, 0.6))));
        assertEquals(List.of("ana.xlsx: sheet \"Sheet1\", cell C2: yhat row 1, column 2: \"zero\" is not a number",
                "ana.xlsx: sheet \"Sheet1\", cell C4: dW1 row 2, column 1: TRUE is a true/false value, not a number"),
                errors(s));
        assertEquals(List.of("dW1 row 2, column 1: TRUE is a true/false value, not a number"), s.answers().get(DW1).problems());
    }

    // ---------------------------------------------------------------- names

    static Stream<Arguments> looseNames() {
        return Stream.of(
                Arguments.of("dW_1", DW1, "dW1"),
                Arguments.of("W1next", W1_NEXT, "W1_next"),
                Arguments.of("w1-next", W1_NEXT, "W1_next"),
                Arguments.of("dz_2", DZ2, "dz2"),
                Arguments.of("Z 1", Z1, "z1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("looseNames")
    void aNameWithSeparatorsOfOneQuantityIsReadAndSaid(String name, Quantity q, String spec) {
        Submission json = read("n.json", "{\"answers\": {\"" + name + "\": 1}}");
        assertEquals(List.of("n.json:1: answers." + name + ": \"" + name + "\" is read as " + spec
                + ", the name the problem uses"), errors(json));
        assertEquals(Matrix.scalar(1), json.answers().get(q).value());
        assertEquals(name, json.answers().get(q).name());

        Submission csv = read("n.csv", "quantity;value\n" + name + ";1\n");
        assertEquals(List.of("n.csv:2: \"" + name + "\" is read as " + spec + ", the name the problem uses"), errors(csv));
        assertEquals(Matrix.scalar(1), csv.answers().get(q).value());
    }

    @Test
    void caseAloneIsReadWithoutANote() {
        Submission s = read("n.json", "{\"answers\": {\"DW1\": 1, \"Yhat\": [1, 2]}}");
        assertEquals(List.of(), errors(s));
        assertEquals(Matrix.scalar(1), s.answers().get(DW1).value());
    }

    static Stream<Arguments> misspeltNames() {
        return Stream.of(
                Arguments.of("dW3", " (did you mean \"dW2\" or \"dW1\"?)"),
                Arguments.of("dw_3", " (did you mean \"dW2\" or \"dW1\"?)"),
                Arguments.of("yhta", " (did you mean \"yhat\"?)"),
                Arguments.of("W2_nxt", " (did you mean \"W2_next\"?)"),
                Arguments.of("lose", " (did you mean \"loss\"?)"),
                Arguments.of("dW", " (did you mean \"dW2\" or \"dW1\"?)"),
                Arguments.of("W1", ""),
                Arguments.of("gradient", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misspeltNames")
    void anUnknownNameIsToldWithTheNearestAskedQuantity(String name, String hint) {
        String message = "\"" + name + "\" is not a quantity of this problem" + hint + "; expected one of " + NAMES;
        Submission json = read("n.json", "{\"answers\": {\"" + name + "\": 1, \"loss\": 3.86}}");
        assertEquals(List.of("n.json:1: answers." + name + ": " + message), errors(json));
        Submission csv = read("n.csv", "quantity;value\nloss;3,86\n" + name + ";1\n");
        assertEquals(List.of("n.csv:3: " + message), errors(csv));
    }

    // ---------------------------------------------------------------- JSON

    static Stream<Arguments> jsonSlips() {
        return Stream.of(
                Arguments.of("{\n  \"answers\": {\n    \"z1\": [1, 2, 3]\n    \"yhat\": [1, 2]\n  }\n}\n",
                        "s.json:4: invalid JSON: expected , or } after the value of answers.z1, found '\"' (a comma is missing "
                                + "before the next name) (column 5)"),
                Arguments.of("{\"answers\": {\"z1\": [1 2, 3]}}",
                        "s.json:1: invalid JSON: expected , or ] between the values of answers.z1, found '2' (column 23)"),
                Arguments.of("{\"answers\": {\"z1\": [1, 2, 3}}",
                        "s.json:1: invalid JSON: found }, but the list opened on line 1, column 20 is still open: expected "
                                + "its closing ] first (column 28)"),
                Arguments.of("{\"answers\": {\"z1\": [1, 2]",
                        "s.json:1: invalid JSON: the file ends inside the object opened on line 1, column 13: expected its "
                                + "closing } (column 26)"),
                Arguments.of("{\n  \"answers\": {\n    \"z1\": [1, 2, 3],\n",
                        "s.json:4: invalid JSON: the file ends inside an object, after answers.z1: expected , or } (column 1)"),
                Arguments.of("{\"answers\": {\"loss\": 3,86}}",
                        "s.json:1: invalid JSON: 3,86 has a decimal comma, which JSON does not read as one number; write "
                                + "3.86, or \"3,86\" as text (column 24)"),
                Arguments.of("{\"answers\": {\"yhat\": [0,05, 0,95]}}",
                        "s.json:1: invalid JSON: 0,05 has a decimal comma, which JSON does not read as one number; write "
                                + "0.05, or \"0,05\" as text (column 26)"),
                Arguments.of("{'answers': {}}",
                        "s.json:1: invalid JSON: expected a name in double quotes (\"z1\"), found ' (a single quote); JSON "
                                + "names take double quotes, not single ones (column 2)"),
                Arguments.of("{\"answers\" {}}",
                        "s.json:1: invalid JSON: expected : after the name answers and before its value, found '{' (column 12)"),
                Arguments.of("{\"answers\": {\"z1\": yes}}",
                        "s.json:1: invalid JSON: expected a value in answers.z1 (a number, a list [ ], \"text\", an object "
                                + "{ }, true, false or null), found yes (column 24)"),
                Arguments.of("{\"answers\": {\"z1\": [1,,2]}}",
                        "s.json:1: invalid JSON: expected a value in answers.z1[2] (a number, a list [ ], \"text\", an "
                                + "object { }, true, false or null), found ','; two commas with no value between them (column 23)"),
                Arguments.of("{\"answers\": {\"z1\": .5}}",
                        "s.json:1: invalid JSON: expected a value in answers.z1 (a number, a list [ ], \"text\", an object "
                                + "{ }, true, false or null), found '.'; a number needs a digit before its point (0.5) (column 20)"),
                Arguments.of("{\"answers\": {\"z1\": \"abc}}",
                        "s.json:1: invalid JSON: the file ends inside a text value in answers.z1: expected its closing \" "
                                + "(column 26)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("jsonSlips")
    void aJsonSyntaxErrorSaysItsLineColumnAndWhatBelongsThere(String json, String message) {
        assertEquals(List.of(message), rejected("s.json", json));
        // the same after a byte-order mark, which makes the file text for the parser rather than ASCII bytes
        byte[] bom = ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8);
        BadInputException e = assertThrows(BadInputException.class, () -> read("s.json", bom));
        // (the column of an unknown word is where Jackson stopped, one further on for bytes than for text)
        assertEquals(List.of(message.replaceAll("column \\d+", "column")),
                e.errors().stream().map(x -> x.oneLine().replaceAll("column \\d+", "column")).toList());
    }

    @Test
    void decimalCommasInAJsonListAreToldWhenThePairsMakeTheValues() {
        Submission s = read("c.json", "{\"answers\": {\"yhat\": [0,6365, 0,3132], \"dW1\": [[1, 2], [3, 4], [5, 6]]}}");
        assertEquals(List.of("c.json:1: answers.yhat: 4 whole numbers where yhat has 2 values; if 0,6365 is one number "
                + "with a decimal comma, write 0.6365, or \"0,6365\" as text"), errors(s));
        assertFalse(s.answers().get(Quantity.YHAT).isReadable());
        // six whole numbers are dW1's six values: read, and graded
        assertEquals(Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}), s.answers().get(DW1).value());
        Submission loss = read("c.json", "{\"answers\": {\"loss\": [3,86]}}");
        assertEquals(List.of("c.json:1: answers.loss: 2 whole numbers where loss has 1 value; if 3,86 is one number with "
                + "a decimal comma, write 3.86, or \"3,86\" as text"), errors(loss));
    }

    // ---------------------------------------------------------------- 1-based places

    @Test
    void placesInAnswersCountFromOne() {
        Submission s = read("p.json", "{\"answers\": {\"yhat\": [0.6, \"x\"], \"dW1\": [[1, 2], [3, \"y\"], [5, 6]],"
                + " \"dW2\": [[1, 2, 3], []]}}");
        assertEquals(List.of("p.json:1: answers.yhat[2]: \"x\" is not a number",
                "p.json:1: answers.dW1[2][2]: \"y\" is not a number",
                "p.json:1: answers.dW2: is ragged: row 2 has 0 values, but row 1 has 3"), errors(s));
        assertEquals(List.of("answers.dW1[2][2]: \"y\" is not a number"), s.answers().get(DW1).problems());
        assertTrue(s.answers().get(DW2).problems().get(0).startsWith("answers.dW2: "));
    }
}
