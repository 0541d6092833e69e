package nngrade.submission;

import nngrade.input.BadInputException;
import nngrade.input.InputError;
import nngrade.problem.Matrix;
import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import nngrade.problem.Quantity;
import nngrade.problem.Quantity.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The submission readers against the spec's "Submission, JSON" and "Submission, CSV" sections,
 * one rule per test, with the exact messages a student sees ({@link InputError#oneLine()}).
 * Everything is graded against problems/notes-softmax-step.json: one softmax layer, 3 inputs,
 * 3 units, one sample, so z1 is 1×3, dW1 3×3, loss 1×1.
 */
class SubmissionReaderTest {
    private static final String NAMES = "z1, yhat, loss, dz1, dW1, db1, W1_next, b1_next";

    private static final Quantity Z1 = Quantity.of(Kind.Z, 1);
    private static final Quantity DZ1 = Quantity.of(Kind.DZ, 1);
    private static final Quantity DW1 = Quantity.of(Kind.DW, 1);
    private static final Quantity DB1 = Quantity.of(Kind.DB, 1);
    private static final Quantity W1_NEXT = Quantity.of(Kind.W_NEXT, 1);
    private static final Quantity B1_NEXT = Quantity.of(Kind.B_NEXT, 1);

    private static final double[][] Z = {{0.8, -2, 1.4}};

    private static Problem notes;
    private static Problem twoLayer;

    @BeforeAll
    static void load() {
        notes = ProblemLoader.load(Path.of("problems/notes-softmax-step.json"));
        twoLayer = ProblemLoader.load(Path.of("problems/two-layer-tanh-softmax.json"));
    }

    // ---------------------------------------------------------------- helpers

    private static Submission read(String source, String text) {
        return SubmissionReader.parse(source, text.getBytes(StandardCharsets.UTF_8), notes);
    }

    private static Submission read(String source, byte[] bytes) {
        return SubmissionReader.parse(source, bytes, notes);
    }

    /** The submission's errors as the user sees them. */
    private static List<String> errors(Submission s) {
        return s.errors().stream().map(InputError::oneLine).toList();
    }

    /** The errors of a file that cannot be read at all. */
    private static List<String> rejected(String source, byte[] bytes) {
        BadInputException e = assertThrows(BadInputException.class, () -> SubmissionReader.parse(source, bytes, notes));
        return e.errors().stream().map(InputError::oneLine).toList();
    }

    private static List<String> rejected(String source, String text) {
        return rejected(source, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void assertMatrix(double[][] expected, Answer answer) {
        assertTrue(answer.isReadable(), () -> "unreadable: " + answer.problems());
        assertEquals(Matrix.of(expected), answer.value());
        assertEquals(List.of(), answer.problems());
    }

    private static void assertZ1(Submission s) {
        assertEquals(List.of(), errors(s));
        assertMatrix(Z, s.answers().get(Z1));
    }

    // ---------------------------------------------------------------- format detection, delimiters

    static Stream<Arguments> z1InEveryLayout() {
        return Stream.of(
                Arguments.of("json", "{\"answers\": {\"z1\": [0.8, -2, 1.4]}}"),
                Arguments.of("long, comma", "quantity,row,col,value\nz1,1,1,0.8\nz1,1,2,-2\nz1,1,3,1.4\n"),
                Arguments.of("long, semicolon", "quantity;row;col;value\nz1;1;1;0.8\nz1;1;2;-2\nz1;1;3;1.4\n"),
                Arguments.of("compact, comma", "quantity,value\nz1,0.8 -2 1.4\n"),
                Arguments.of("compact, semicolon", "quantity;value\nz1;0.8 -2 1.4\n"),
                Arguments.of("long, header in capitals", "Quantity,Row,Col,Value\nz1,1,1,0.8\nz1,1,2,-2\nz1,1,3,1.4\n"),
                Arguments.of("long, no header", "z1,1,1,0.8\nz1,1,2,-2\nz1,1,3,1.4\n"),
                Arguments.of("compact, no header", "z1,0.8 -2 1.4\n"),
                Arguments.of("compact, MATLAB brackets", "quantity,value\nz1,[0.8 -2 1.4]\n"),
                Arguments.of("long, cells in any order", "quantity,row,col,value\nz1,1,3,1.4\nz1,1,1,0.8\nz1,1,2,-2\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("z1InEveryLayout")
    void layoutAndDelimiterAreDetectedFromContent(String layout, String text) {
        assertZ1(read("sub.txt", text));
    }

    // ---------------------------------------------------------------- decimal commas

    static Stream<Arguments> decimalCommas() {
        return Stream.of(
                Arguments.of("long, semicolon", "quantity;row;col;value\nz1;1;1;0,8\nz1;1;2;-2\nz1;1;3;1,4\n"),
                Arguments.of("compact, semicolon", "quantity;value\nz1;0,8 -2 1,4\n"),
                Arguments.of("compact, comma, quoted", "quantity,value\nz1,\"0,8 -2 1,4\"\n"),
                Arguments.of("long, comma, quoted", "quantity,row,col,value\nz1,1,1,\"0,8\"\nz1,1,2,-2\nz1,1,3,\"1,4\"\n"),
                Arguments.of("json strings", "{\"answers\": {\"z1\": [\"0,8\", \"-2\", \"1,4\"]}}"),
                Arguments.of("leading comma", "quantity;value\nz1;,8e0 -2 1,40\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decimalCommas")
    void decimalCommasAreRead(String layout, String text) {
        assertZ1(read("sub.csv", text));
    }

    @Test
    void aDecimalCommaWithCommaDelimiterIsRefusedWithAHint() {
        Submission s = read("sub.csv", "quantity,row,col,value\nz1,1,1,0,8\nz1,1,2,-2\nz1,1,3,1.4\n");
        assertEquals(List.of("sub.csv:2: expected 4 cells (quantity,row,col,value), found 5; with , as the delimiter "
                + "write decimals with a point (0.35), or use ; as the delimiter"), errors(s));
        // the row of z1 that cannot be read makes z1 unreadable, with its reason, not missing
        Answer z1 = s.answers().get(Z1);
        assertFalse(z1.isReadable());
        assertEquals(List.of("line 2: expected 4 cells (quantity,row,col,value), found 5; with , as the delimiter "
                + "write decimals with a point (0.35), or use ; as the delimiter"), z1.problems());
    }

    // ---------------------------------------------------------------- BOM, CRLF, blank lines, spaces

    private static final byte[] BOM = bytes(0xEF, 0xBB, 0xBF);

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"answers\": {\"z1\": [0.8, -2, 1.4]}}",
            "quantity,row,col,value\nz1,1,1,0.8\nz1,1,2,-2\nz1,1,3,1.4\n",
            "quantity;value\nz1;0,8 -2 1,4\n"})
    void aUtf8ByteOrderMarkIsSkipped(String text) {
        assertZ1(read("bom.txt", concat(BOM, text.getBytes(StandardCharsets.UTF_8))));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\r\n  \"answers\": {\r\n    \"z1\": [0.8, -2, 1.4]\r\n  }\r\n}\r\n",
            "quantity,row,col,value\r\nz1,1,1,0.8\r\nz1,1,2,-2\r\nz1,1,3,1.4\r\n",
            "quantity,value\r\nz1,0.8 -2 1.4\r\n",
            "quantity,value\rz1,0.8 -2 1.4\r"})
    void crlfAndCrLineEndsAreRead(String text) {
        assertZ1(read("crlf.txt", text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\n\nquantity,row,col,value\n\nz1,1,1,0.8\n\n\nz1,1,2,-2\nz1,1,3,1.4\n\n\n",
            "\r\n\r\nquantity,value\r\n\r\nz1,0.8 -2 1.4\r\n\r\n",
            "\n\n   \n{\"answers\": {\"z1\": [0.8, -2, 1.4]}}\n\n"})
    void blankLinesAreSkipped(String text) {
        assertZ1(read("blank.txt", text));
    }

    @Test
    void lineNumbersCountBlankLinesAndCrlf() {
        Submission s = read("lines.csv", "\r\nquantity,value\r\n\r\n\r\nz1,0.8 x 1.4\r\n");
        assertEquals(List.of("lines.csv:5: z1 row 1, column 2: \"x\" is not a number"), errors(s));
        Submission lf = read("lines.csv", "quantity,row,col,value\n\n\nz1,1,1,0.8\n   \n\t\n\nz1,1,2,x\n\n\rz1,1,3,1.4\n");
        assertEquals(List.of("lines.csv:8: z1 row 1, column 2: \"x\" is not a number"), errors(lf));
        Submission json = read("lines.json", "\r\n\r\n{\"answers\": {\r\n\r\n\"z1\": [0.8, \"x\", 1.4]}}");
        assertEquals(List.of("lines.json:5: answers.z1[2]: \"x\" is not a number"), errors(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "  quantity , row , col , value  \n  z1 , 1 , 1 , 0.8 \n z1,1 ,2,  -2\nz1 ,  1,3 , 1.4  \n",
            "quantity ; value\n z1 ;   0.8   -2\t1.4  \n",
            "quantity,value\n\tz1\t,\t\" 0.8 -2 1.4 \"\n",
            "{\"answers\": {\" z1 \": [\" 0.8\", \"-2 \", \" 1.4 \"]}}"})
    void surroundingSpacesAreIgnored(String text) {
        assertZ1(read("spaces.txt", text));
    }

    // ---------------------------------------------------------------- numbers as text

    @Test
    void numericStringsFractionsAndScientificNotationAreRead() {
        Submission s = read("num.json", """
                {"answers": {
                  "z1": ["0.8", "−2", "7/5"],
                  "loss": "3.86e0",
                  "dz1": [-2.5e-3, "-2.5e-3", "1/3"],
                  "dW1": [["1E2", 2.5E+1, "2,5e-1"], [" 1 / 4 ", "-1/8", 0], ["+3", ".5", "5."]]
                }}""");
        assertEquals(List.of(), errors(s));
        assertMatrix(new double[][] {{0.8, -2, 7.0 / 5}}, s.answers().get(Z1));
        assertMatrix(new double[][] {{3.86}}, s.answers().get(Quantity.LOSS));
        assertMatrix(new double[][] {{-0.0025, -0.0025, 1.0 / 3}}, s.answers().get(DZ1));
        assertMatrix(new double[][] {{100, 25, 0.25}, {0.25, -0.125, 0}, {3, 0.5, 5}}, s.answers().get(DW1));
    }

    @Test
    void fractionsAndScientificNotationInCsv() {
        Submission longCsv = read("long.csv", "quantity,row,col,value\ndz1,1,1,1/3\ndz1,1,2,-2.5e-3\ndz1,1,3,4E1\n");
        assertEquals(List.of(), errors(longCsv));
        assertMatrix(new double[][] {{1.0 / 3, -0.0025, 40}}, longCsv.answers().get(DZ1));

        Submission compact = read("compact.csv", "quantity;value\ndz1;1/3 -2,5e-3 4E1\n");
        assertEquals(List.of(), errors(compact));
        assertMatrix(new double[][] {{1.0 / 3, -0.0025, 40}}, compact.answers().get(DZ1));
    }

    // ---------------------------------------------------------------- one-row matrices

    static Stream<Arguments> oneRowMatrices() {
        return Stream.of(
                Arguments.of("json flat list", "{\"answers\": {\"db1\": [0.1, 0.2, 0.3]}}"),
                Arguments.of("json list of one row", "{\"answers\": {\"db1\": [[0.1, 0.2, 0.3]]}}"),
                Arguments.of("long, one index", "quantity,row,col,value\ndb1,1,,0.1\ndb1,2,,0.2\ndb1,3,,0.3\n"),
                Arguments.of("long, column only", "quantity,row,col,value\ndb1,,1,0.1\ndb1,,2,0.2\ndb1,,3,0.3\n"),
                Arguments.of("long, both indices", "quantity,row,col,value\ndb1,1,1,0.1\ndb1,1,2,0.2\ndb1,1,3,0.3\n"),
                Arguments.of("compact", "quantity,value\ndb1,0.1 0.2 0.3\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneRowMatrices")
    void aFlatListIsAOneRowMatrix(String how, String text) {
        Submission s = read("row.txt", text);
        assertEquals(List.of(), errors(s));
        assertMatrix(new double[][] {{0.1, 0.2, 0.3}}, s.answers().get(DB1));
    }

    @Test
    void aScalarMayBeANumberAListOfOneOrALongLineWithoutIndices() {
        for (String text : List.of("{\"answers\": {\"loss\": 3.86}}", "{\"answers\": {\"loss\": [3.86]}}",
                "{\"answers\": {\"loss\": [[3.86]]}}", "{\"answers\": {\"loss\": \"3,86\"}}",
                "quantity,row,col,value\nloss,,,3.86\n", "quantity,row,col,value\nloss,1,1,3.86\n",
                "quantity;value\nloss;3,86\n")) {
            Submission s = read("loss.txt", text);
            assertEquals(List.of(), errors(s), text);
            assertMatrix(new double[][] {{3.86}}, s.answers().get(Quantity.LOSS));
        }
    }

    @Test
    void aMatrixIsReadRowByRow() {
        String key = "[[1, 2, 3], [4, 5, 6], [7, 8, 9]]";
        double[][] expected = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
        assertMatrix(expected, read("m.json", "{\"answers\": {\"dW1\": " + key + "}}").answers().get(DW1));
        assertMatrix(expected, read("m.csv", "quantity,value\ndW1,\"1 2 3; 4 5 6; 7 8 9\"\n").answers().get(DW1));
        assertMatrix(expected, read("m.csv", "quantity;value\ndW1;\"[1 2 3;4 5 6;7 8 9]\"\n").answers().get(DW1));
        StringBuilder longCsv = new StringBuilder("quantity,row,col,value\n");
        for (int i = 3; i >= 1; i--) {
            for (int j = 1; j <= 3; j++) {
                longCsv.append("dW1,").append(i).append(',').append(j).append(',').append(3 * (i - 1) + j).append('\n');
            }
        }
        assertMatrix(expected, read("m.csv", longCsv.toString()).answers().get(DW1));
    }

    // ---------------------------------------------------------------- names

    static Stream<Arguments> unindexedNames() {
        return Stream.of(
                Arguments.of("z", Z1, "[0.8, -2, 1.4]", Z),
                Arguments.of("dz", DZ1, "[0.1, 0.2, 0.3]", new double[][] {{0.1, 0.2, 0.3}}),
                Arguments.of("dW", DW1, "[[1, 2, 3], [4, 5, 6], [7, 8, 9]]", new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}),
                Arguments.of("db", DB1, "[0.1, 0.2, 0.3]", new double[][] {{0.1, 0.2, 0.3}}),
                Arguments.of("W_next", W1_NEXT, "[[1, 2, 3], [4, 5, 6], [7, 8, 9]]",
                        new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}),
                Arguments.of("b_next", B1_NEXT, "[0.1, 0.2, 0.3]", new double[][] {{0.1, 0.2, 0.3}}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unindexedNames")
    void aOneLayerNetworkAcceptsUnindexedNamesAndReportsTheNameUsed(String name, Quantity q, String json,
                                                                    double[][] expected) {
        Submission s = read("u.json", "{\"answers\": {\"" + name + "\": " + json + "}}");
        assertEquals(List.of(), errors(s));
        assertEquals(List.of(q), List.copyOf(s.answers().keySet()));
        assertEquals(name, s.answers().get(q).name());
        assertMatrix(expected, s.answers().get(q));

        String compact = json.replace("], [", "; ").replace("[", "").replace("]", "").replace(",", "");
        Submission csv = read("u.csv", "quantity,value\n" + name + ",\"" + compact + "\"\n");
        assertEquals(List.of(), errors(csv));
        assertEquals(name, csv.answers().get(q).name());
        assertMatrix(expected, csv.answers().get(q));
    }

    @Test
    void namesAreMatchedIgnoringCaseAndYhatHasAliases() {
        Submission s = read("case.json",
                "{\"answers\": {\"Z1\": [0.8, -2, 1.4], \"DW1\": [[1,2,3],[4,5,6],[7,8,9]], \"ŷ\": [0.2, 0.3, 0.5]}}");
        assertEquals(List.of(), errors(s));
        assertEquals("Z1", s.answers().get(Z1).name());
        assertEquals("DW1", s.answers().get(DW1).name());
        assertEquals("ŷ", s.answers().get(Quantity.YHAT).name());
        assertMatrix(new double[][] {{0.2, 0.3, 0.5}}, s.answers().get(Quantity.YHAT));
        for (String alias : List.of("y_hat", "a1", "yhat", "YHAT")) {
            Submission a = read("alias.json", "{\"answers\": {\"" + alias + "\": [0.2, 0.3, 0.5]}}");
            assertEquals(List.of(), errors(a), alias);
            assertEquals(List.of(Quantity.YHAT), List.copyOf(a.answers().keySet()), alias);
        }
    }

    @Test
    void unindexedNamesAreRefusedWhenTheNetworkHasTwoLayers() {
        String names = "z1, a1, z2, yhat, loss, dz2, dW2, db2, da1, dz1, dW1, db1, W1_next, b1_next, W2_next, b2_next";
        Submission s = SubmissionReader.parse("two.json",
                "{\"answers\": {\"dW\": [[1]], \"z1\": [0.1, 0.2, 0.3]}}".getBytes(StandardCharsets.UTF_8), twoLayer);
        // two quantities are as near: both are suggested, neither is taken
        assertEquals(List.of("two.json:1: answers.dW: \"dW\" is not a quantity of this problem (did you mean \"dW2\" or "
                        + "\"dW1\"?); expected one of " + names),
                errors(s));
        assertEquals(List.of(Z1), List.copyOf(s.answers().keySet()));
    }

    @Test
    void unknownQuantityNamesAreReportedWithTheNamesThatExist() {
        Submission json = read("unknown.json", """
                {
                  "answers": {
                    "dW3": [[1]],
                    "z1": [0.8, -2, 1.4],
                    "gradient": 5
                  }
                }""");
        assertEquals(List.of(
                "unknown.json:3: answers.dW3: \"dW3\" is not a quantity of this problem (did you mean \"dW1\"?); "
                        + "expected one of " + NAMES,
                "unknown.json:5: answers.gradient: \"gradient\" is not a quantity of this problem; expected one of " + NAMES),
                errors(json));
        assertMatrix(Z, json.answers().get(Z1));

        Submission compact = read("unknown.csv", "quantity,value\nz1,0.8 -2 1.4\nW1,1 2 3\n");
        assertEquals(List.of("unknown.csv:3: \"W1\" is not a quantity of this problem; expected one of " + NAMES),
                errors(compact));

        Submission longCsv = read("unknown.csv", "quantity,row,col,value\nz1,1,1,0.8\nz1,1,2,-2\nz1,1,3,1.4\nz9,1,1,2\n");
        // a name of two letters is only said to lack its layer number: "z9" is no typo of "z1"
        assertEquals(List.of("unknown.csv:5: \"z9\" is not a quantity of this problem; expected one of " + NAMES),
                errors(longCsv));
        assertMatrix(Z, longCsv.answers().get(Z1));
    }

    @Test
    void aVeryLongUnknownNameIsShortened() {
        String name = "x".repeat(100);
        Submission s = read("long.json", "{\"answers\": {\"" + name + "\": 1}}");
        assertEquals(List.of("long.json:1: answers." + name + ": \"" + "x".repeat(40)
                + "…\" is not a quantity of this problem; expected one of " + NAMES), errors(s));
    }

    @Test
    void unknownTopLevelFieldsAndWrongTypesAreReported() {
        Submission s = read("top.json", """
                {
                  "problem": "notes-softmax-step",
                  "student": 5,
                  "answer": {},
                  "answers": {"z1": [0.8, -2, 1.4]}
                }""");
        assertEquals(List.of(
                "top.json:3: student: expected text, found a number",
                "top.json:4: answer: unknown field \"answer\" (did you mean \"answers\"?); expected one of problem, "
                        + "student, variant, answers"), errors(s));
        assertEquals("notes-softmax-step", s.problem());
        assertNull(s.student());
        assertMatrix(Z, s.answers().get(Z1));
    }

    // ---------------------------------------------------------------- the variant code

    static Stream<Arguments> variantCodes() {
        return Stream.of(
                Arguments.of("json", "{\"variant\": \"7k3m-Q9XD\", \"answers\": {\"z1\": [0.8, -2, 1.4]}}", "7k3m-Q9XD"),
                Arguments.of("json, spaces around", "{\"variant\": \"  7K3M-Q9XD \", \"answers\": {\"z1\": [0.8, -2, 1.4]}}", "7K3M-Q9XD"),
                Arguments.of("json, empty text: no code", "{\"variant\": \"\", \"answers\": {\"z1\": [0.8, -2, 1.4]}}", null),
                Arguments.of("json, none", "{\"answers\": {\"z1\": [0.8, -2, 1.4]}}", null),
                Arguments.of("long", "quantity,row,col,value\nvariant,,,7K3M-Q9XD\nz1,1,1,0.8\nz1,1,2,-2\nz1,1,3,1.4\n", "7K3M-Q9XD"),
                Arguments.of("long, last, in capitals", "quantity;row;col;value\nz1;1;1;0,8\nz1;1;2;-2\nz1;1;3;1,4\nVARIANT;;;7K3M-Q9XD\n", "7K3M-Q9XD"),
                Arguments.of("long, no header", "variant,,,7K3M-Q9XD\nz1,1,1,0.8\nz1,1,2,-2\nz1,1,3,1.4\n", null),
                Arguments.of("compact", "quantity,value\nvariant, 7K3M Q9XD \nz1,0.8 -2 1.4\n", "7K3M Q9XD"),
                Arguments.of("compact, left blank", "quantity,value\nvariant,\nz1,0.8 -2 1.4\n", null));
    }

    /** The code as the student wrote it (reading it as a code is the grader's job); blank is none. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("variantCodes")
    void aVariantCodeIsReadAsWritten(String layout, String text, String code) {
        if (layout.endsWith("no header")) {
            // a header-less file must start with a quantity; the variant row is not one
            assertEquals(List.of("v.txt:1: expected a header quantity,row,col,value (one cell per line) or quantity,value "
                    + "(one quantity per line, rows separated by ;), found \"variant,,,7K3M-Q9XD\""), rejected("v.txt", text));
            return;
        }
        Submission s = read("v.txt", text);
        assertZ1(s);
        assertEquals(code, s.variant());
    }

    @Test
    void aVariantThatIsNotTextIsReportedAndTheRestGraded() {
        Submission s = read("v.json", """
                {
                  "student": "ana",
                  "variant": 12345678,
                  "answers": {"z1": [0.8, -2, 1.4]}
                }""");
        assertEquals(List.of("v.json:3: variant: expected the variant code printed on the task sheet, as text "
                + "(\"7K3M-Q9XD\"), found a number"), errors(s));
        assertNull(s.variant());
        assertEquals("ana", s.student());
        assertMatrix(Z, s.answers().get(Z1));
        for (String value : List.of("[\"7K3M\", \"Q9XD\"]", "{\"code\": \"7K3M-Q9XD\"}", "null", "true")) {
            Submission bad = read("v.json", "{\"variant\": " + value + ", \"answers\": {\"z1\": [0.8, -2, 1.4]}}");
            assertEquals(1, bad.errors().size(), value);
            assertEquals("variant", bad.errors().get(0).field(), value);
            assertNull(bad.variant(), value);
            assertMatrix(Z, bad.answers().get(Z1));
        }
    }

    @Test
    void aVariantGivenTwiceIsReportedAndTheFirstKept() {
        Submission json = read("v.json", "{\"variant\": \"AAAA-AAAA\",\n\"variant\": \"BBBB-BBBB\",\n\"answers\": {\"z1\": [0.8, -2, 1.4]}}");
        assertEquals(List.of("v.json:2: variant is given twice (first on line 1); the first is used"), errors(json));
        assertEquals("AAAA-AAAA", json.variant());
        Submission csv = read("v.csv", "quantity,value\nvariant,AAAA-AAAA\nz1,0.8 -2 1.4\nvariant,BBBB-BBBB\n");
        assertEquals(List.of("v.csv:4: variant is given twice (first on line 2); the first is used"), errors(csv));
        assertEquals("AAAA-AAAA", csv.variant());
        assertMatrix(Z, csv.answers().get(Z1));
    }

    @Test
    void aVariantRowIsNotAnAnswer() {
        assertEquals(List.of("v.csv: has a header but no answers"), rejected("v.csv", "quantity,value\nvariant,AAAA-AAAA\n"));
        Submission s = read("v.csv", "quantity,row,col,value\nvariant,,AAAA-AAAA\nz1,1,1,0.8\nz1,1,2,-2\nz1,1,3,1.4\n");
        assertEquals(List.of("v.csv:2: expected 4 cells (quantity,row,col,value), found 3"), errors(s));
        assertNull(s.variant());
    }

    // ---------------------------------------------------------------- non-numbers, NaN, infinities

    @Test
    void nonNumbersAreRejectedEachWithItsPlace() {
        Submission s = read("words.json", """
                {"answers": {
                  "z1": [0.8, "minus two", 1.4],
                  "yhat": [true, null, {}],
                  "loss": "about 3.86",
                  "dz1": "0.8 -2 1.4",
                  "db1": "1/0"
                }}""");
        assertEquals(List.of(
                "words.json:2: answers.z1[2]: \"minus two\" is not a number",
                "words.json:3: answers.yhat[1]: expected a number, found true",
                "words.json:3: answers.yhat[2]: expected a number, found null",
                "words.json:3: answers.yhat[3]: expected a number, found an empty object",
                "words.json:4: answers.loss: \"about 3.86\" is not a number",
                "words.json:5: answers.dz1: \"0.8 -2 1.4\" is not a number",
                "words.json:6: answers.db1: \"1/0\" divides by zero"), errors(s));
        for (Answer a : s.answers().values()) {
            assertFalse(a.isReadable(), a.name());
        }
        assertEquals(List.of("answers.z1[2]: \"minus two\" is not a number"), s.answers().get(Z1).problems());
    }

    @Test
    void nonNumbersInCsvAreRejectedWithLineAndCell() {
        Submission longCsv = read("words.csv", "quantity,row,col,value\nz1,1,1,0.8\nz1,1,2,two\nz1,1,3,0x1F\n");
        assertEquals(List.of("words.csv:3: z1 row 1, column 2: \"two\" is not a number",
                "words.csv:4: z1 row 1, column 3: \"0x1F\" is not a number"), errors(longCsv));
        assertEquals(List.of("z1 row 1, column 2: \"two\" is not a number", "z1 row 1, column 3: \"0x1F\" is not a number"),
                longCsv.answers().get(Z1).problems());

        Submission compact = read("words.csv", "quantity,value\ndW1,\"1 2 3; 4 five 6; 7 8 1d\"\n");
        assertEquals(List.of("words.csv:2: dW1 row 2, column 2: \"five\" is not a number",
                "words.csv:2: dW1 row 3, column 3: \"1d\" is not a number"), errors(compact));
    }

    @Test
    void nanAndInfinitiesAreRejectedInJson() {
        Submission s = read("nan.json", """
                {"answers": {
                  "loss": NaN,
                  "z1": ["NaN", "Infinity", "-inf"],
                  "yhat": [1e400, -1e999, 0.5],
                  "dz1": ["1e400", "∞", ".nan"]
                }}""");
        assertEquals(List.of(
                "nan.json:2: answers.loss: \"NaN\" is not a number (NaN is not accepted)",
                "nan.json:3: answers.z1[1]: \"NaN\" is not a number (NaN is not accepted)",
                "nan.json:3: answers.z1[2]: \"Infinity\" is not a finite number",
                "nan.json:3: answers.z1[3]: \"-inf\" is not a finite number",
                "nan.json:4: answers.yhat[1]: 1E+400 is not a finite number (too large for a double)",
                "nan.json:4: answers.yhat[2]: -1E+999 is not a finite number (too large for a double)",
                "nan.json:5: answers.dz1[1]: \"1e400\" is not a finite number (too large for a double)",
                "nan.json:5: answers.dz1[2]: \"∞\" is not a finite number",
                "nan.json:5: answers.dz1[3]: \".nan\" is not a number (NaN is not accepted)"), errors(s));
        assertEquals(List.of(), s.answers().values().stream().filter(Answer::isReadable).toList());
    }

    @Test
    void nanAndInfinitiesAreRejectedInCsv() {
        Submission compact = read("nan.csv", "quantity,value\nyhat,nan inf 1e999\nloss,-Infinity\n");
        assertEquals(List.of(
                "nan.csv:2: yhat row 1, column 1: \"nan\" is not a number (NaN is not accepted)",
                "nan.csv:2: yhat row 1, column 2: \"inf\" is not a finite number",
                "nan.csv:2: yhat row 1, column 3: \"1e999\" is not a finite number (too large for a double)",
                "nan.csv:3: loss row 1, column 1: \"-Infinity\" is not a finite number"), errors(compact));

        Submission longCsv = read("nan.csv", "quantity;row;col;value\nz1;1;1;NaN\nz1;1;2;+Inf\nz1;1;3;1e309\n");
        assertEquals(List.of(
                "nan.csv:2: z1 row 1, column 1: \"NaN\" is not a number (NaN is not accepted)",
                "nan.csv:3: z1 row 1, column 2: \"+Inf\" is not a finite number",
                "nan.csv:4: z1 row 1, column 3: \"1e309\" is not a finite number (too large for a double)"),
                errors(longCsv));
        assertFalse(longCsv.answers().get(Z1).isReadable());
    }

    // ---------------------------------------------------------------- ragged, empty

    @Test
    void raggedMatricesAreRejected() {
        Submission json = read("ragged.json", """
                {"answers": {
                  "dW1": [[0.35, 1.04, 0], [-0.98, -2.94], [0.63, 1.9, 0, 7]],
                  "z1": [[0.8], 2, [1.4]],
                  "db1": [1, [2], 3]
                }}""");
        assertEquals(List.of(
                "ragged.json:2: answers.dW1: is ragged: row 2 has 2 values, but row 1 has 3",
                "ragged.json:2: answers.dW1: is ragged: row 3 has 4 values, but row 1 has 3",
                "ragged.json:3: answers.z1[2]: row 2 is 2, but row 1 is a list; expected a list of rows",
                "ragged.json:4: answers.db1: is a mix of numbers and lists (item 1 is 1, item 2 is a list); "
                        + "expected a list of rows, each a list of numbers"), errors(json));

        // a compact matrix whose ; the file's delimiter took: each cell is a row
        Submission csv = read("ragged.csv", "quantity;value\ndW1;1 2 3; 4 5; 6 7 8 9\n");
        assertEquals(List.of("ragged.csv:2: dW1 is ragged: row 2 has 2 values, but row 1 has 3",
                "ragged.csv:2: dW1 is ragged: row 3 has 4 values, but row 1 has 3"), errors(csv));
        assertFalse(csv.answers().get(DW1).isReadable());

        Submission quoted = read("ragged.csv", "quantity,value\ndW1,\"1 2 3; 4 5; 6 7 8 9\"\n");
        assertEquals(List.of("ragged.csv:2: dW1 is ragged: row 2 has 2 values, but row 1 has 3",
                "ragged.csv:2: dW1 is ragged: row 3 has 4 values, but row 1 has 3"), errors(quoted));
        assertEquals(List.of("dW1 is ragged: row 2 has 2 values, but row 1 has 3",
                "dW1 is ragged: row 3 has 4 values, but row 1 has 3"), quoted.answers().get(DW1).problems());
    }

    @Test
    void emptyListsAndHolesAreRejected() {
        Submission json = read("empty.json", "{\"answers\": {\"z1\": [], \"dW1\": [[], [], []]}}");
        assertEquals(List.of("empty.json:1: answers.z1: is an empty list; expected numbers",
                "empty.json:1: answers.dW1[1]: row 1 is an empty list; expected numbers"), errors(json));

        Submission holes = read("holes.csv", "quantity,row,col,value\nz1,1,1,0.8\nz1,1,3,1.4\nloss,,,3.86\n"
                + "dW1,,,5\n");
        assertEquals(List.of("holes.csv:5: dW1 is 3×3, so each line needs a row and a column",
                "holes.csv:2: z1 has no value for row 1, column 2"), errors(holes));
        assertMatrix(new double[][] {{3.86}}, holes.answers().get(Quantity.LOSS));
    }

    @Test
    void blankTemplateEntriesAreMissingNotWrong() {
        Submission json = read("t.json", "{\"answers\": {\"z1\": [null, null, null], \"loss\": null, "
                + "\"dW1\": [[null, null, null], [null, null, null], [null, null, null]], \"db1\": [0.1, 0.2, 0.3]}}");
        assertEquals(List.of(), errors(json));
        assertEquals(List.of(DB1), List.copyOf(json.answers().keySet()));

        Submission longCsv = read("t.csv", "quantity,row,col,value\nz1,1,1,\nz1,1,2,\nz1,1,3,\nloss,,,3.86\n");
        assertEquals(List.of(), errors(longCsv));
        assertEquals(List.of(Quantity.LOSS), List.copyOf(longCsv.answers().keySet()));

        Submission compact = read("t.csv", "quantity,value\nz1,_ _ _\ndW1,\"_ _ _; _ _ _; _ _ _\"\nloss,\ndb1,0.1 0.2 0.3\n");
        assertEquals(List.of(), errors(compact));
        assertEquals(List.of(DB1), List.copyOf(compact.answers().keySet()));
    }

    // ---------------------------------------------------------------- duplicates

    @Test
    void aDuplicateCellIsRejectedWithBothLines() {
        Submission s = read("dup.csv", "quantity,row,col,value\nz1,1,1,0.8\nz1,1,2,-2\nz1,1,3,1.4\nloss,,,3.86\n"
                + "z1,1,2,-3\n");
        assertEquals(List.of("dup.csv:6: z1 row 1, column 2 is given twice (first on line 3)"), errors(s));
        assertEquals(List.of("z1 row 1, column 2 is given twice (first on line 3)"), s.answers().get(Z1).problems());
        assertMatrix(new double[][] {{3.86}}, s.answers().get(Quantity.LOSS));
    }

    @Test
    void aDuplicateCellUnderAnotherSpellingOfTheIndexIsStillADuplicate() {
        Submission s = read("dup.csv", "quantity,row,col,value\ndb1,1,1,0.1\ndb1,,1,0.2\ndb1,01,2,0.2\ndb1,3,,0.3\n"
                + "db,1,2,9\n");
        assertEquals(List.of("dup.csv:3: db1 row 1, column 1 is given twice (first on line 2)",
                "dup.csv:6: db1 row 1, column 2 is given twice (first on line 4)"), errors(s));
    }

    @Test
    void aDuplicateQuantityIsReportedAndTheFirstAnswerGraded() {
        Submission json = read("dup.json", """
                {"answers": {
                  "z1": [0.8, -2, 1.4],
                  "z1": [1, 1, 1],
                  "Z1": [2, 2, 2],
                  "z": [3, 3, 3]
                }}""");
        assertEquals(List.of(
                "dup.json:3: answers.z1: \"z1\" is answered twice (first on line 2); the first answer is graded",
                "dup.json:4: answers.Z1: \"Z1\" is answered twice (first on line 2); the first answer is graded",
                "dup.json:5: answers.z: \"z\" is answered twice (first on line 2); the first answer is graded"),
                errors(json));
        assertMatrix(Z, json.answers().get(Z1));

        Submission compact = read("dup.csv", "quantity,value\nz1,0.8 -2 1.4\nloss,3.86\nz,1 1 1\n");
        assertEquals(List.of("dup.csv:4: \"z\" is answered twice (first on line 2); the first answer is graded"),
                errors(compact));
        assertMatrix(Z, compact.answers().get(Z1));
    }

    // ---------------------------------------------------------------- indices

    static Stream<Arguments> badIndices() {
        return Stream.of(
                Arguments.of("z1,0,1,1", "z1: row 0 is out of range; z1 is 1×3 (indices start at 1)"),
                Arguments.of("z1,1,4,1", "z1: column 4 is out of range; z1 is 1×3 (indices start at 1)"),
                Arguments.of("dW1,1,0,1", "dW1: column 0 is out of range; dW1 is 3×3 (indices start at 1)"),
                Arguments.of("dW1,4,1,1", "dW1: row 4 is out of range; dW1 is 3×3 (indices start at 1)"),
                Arguments.of("z1,2147483647,1,1", "z1: row 2147483647 is out of range; z1 is 1×3 (indices start at 1)"),
                Arguments.of("z1,1,2147483647,1", "z1: column 2147483647 is out of range; z1 is 1×3 (indices start at 1)"),
                Arguments.of("z1,2147483648,1,1", "z1: row 2147483648 is out of range; z1 is 1×3 (indices start at 1)"),
                Arguments.of("dW1,1,999999999,1", "dW1: column 999999999 is out of range; dW1 is 3×3 (indices start at 1)"),
                Arguments.of("z1,123456789012345678901234567890,1,1",
                        "z1: row 12345678901234567890… is out of range; z1 is 1×3 (indices start at 1)"),
                Arguments.of("z1,-1,1,1", "z1: row \"-1\" is not an index; expected a whole number from 1 to 3"),
                Arguments.of("z1,1.5,1,1", "z1: row \"1.5\" is not an index; expected a whole number from 1 to 3"),
                Arguments.of("z1,1,one,1", "z1: column \"one\" is not an index; expected a whole number from 1 to 3"),
                Arguments.of("z1,1e9,1,1", "z1: row \"1e9\" is not an index; expected a whole number from 1 to 3"),
                Arguments.of("dW1,,2,1", "dW1: row \"\" is not an index; expected a whole number from 1 to 3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badIndices")
    void badAndAbsurdIndicesAreRejectedWithoutAllocating(String line, String message) {
        Submission s = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> read("idx.csv", "quantity,row,col,value\nloss,,,3.86\n" + line + "\n"));
        assertEquals(List.of("idx.csv:3: " + message), errors(s));
        Quantity q = line.startsWith("z1") ? Z1 : DW1;
        assertEquals(List.of(message), s.answers().get(q).problems());
        assertMatrix(new double[][] {{3.86}}, s.answers().get(Quantity.LOSS));
    }

    @Test
    void aHugeIndexNextToGoodCellsDoesNotBuildAHugeMatrix() {
        Submission s = read("idx.csv", "quantity,row,col,value\nz1,1,1,0.8\nz1,1,2,-2\nz1,1,3,1.4\n"
                + "z1,2147483647,2147483647,0\n");
        assertEquals(List.of("idx.csv:5: z1: row 2147483647 is out of range; z1 is 1×3 (indices start at 1)",
                "idx.csv:5: z1: column 2147483647 is out of range; z1 is 1×3 (indices start at 1)"), errors(s));
        assertFalse(s.answers().get(Z1).isReadable());
    }

    @Test
    void aTransposedLongAnswerIsReadInItsOwnShape() {
        // z1 written as a column: indices up to max(rows, cols) are read, the checker judges the shape
        Submission s = read("col.csv", "quantity,row,col,value\nz1,1,1,0.8\nz1,2,1,-2\nz1,3,1,1.4\n");
        assertEquals(List.of(), errors(s));
        assertMatrix(new double[][] {{0.8}, {-2}, {1.4}}, s.answers().get(Z1));
    }

    // ---------------------------------------------------------------- cell counts, headers, syntax

    @Test
    void wrongCellCountsAreReportedPerLine() {
        Submission s = read("cells.csv", "quantity,row,col,value\nz1,1,1\nz1,1,2,-2,5\nz1,1,3,1.4\n");
        assertEquals(List.of("cells.csv:2: expected 4 cells (quantity,row,col,value), found 3",
                "cells.csv:3: expected 4 cells (quantity,row,col,value), found 5; with , as the delimiter write "
                        + "decimals with a point (0.35), or use ; as the delimiter"), errors(s));
        // z1's unread rows make it unreadable with their reasons: answered, not missing
        assertEquals(List.of("line 2: expected 4 cells (quantity,row,col,value), found 3",
                "line 3: expected 4 cells (quantity,row,col,value), found 5; with , as the delimiter write "
                        + "decimals with a point (0.35), or use ; as the delimiter"), s.answers().get(Z1).problems());
    }

    @Test
    void anUnknownHeaderIsRefused() {
        assertEquals(List.of("head.csv:1: expected a header quantity,row,col,value (one cell per line) or quantity,value "
                        + "(one quantity per line, rows separated by ;), found \"name,i,j,x\""),
                rejected("head.csv", "name,i,j,x\nz1,1,1,0.8\n"));
        assertEquals(List.of("head.csv:2: expected a header quantity,row,col,value (one cell per line) or quantity,value "
                        + "(one quantity per line, rows separated by ;), found \"hello;world\""),
                rejected("head.csv", "\nhello;world\n"));
    }

    @Test
    void aHeaderWithoutAnswersIsRefused() {
        assertEquals(List.of("head.csv: has a header but no answers"), rejected("head.csv", "quantity,row,col,value\n"));
        assertEquals(List.of("head.csv: has a header but no answers"), rejected("head.csv", "quantity;value\n\n\n"));
    }

    @Test
    void csvSyntaxErrorsNameTheLineWithoutTheParsersClassName() {
        assertEquals(List.of("q.csv:4: is not valid CSV: a quoted value is not closed (a \" without its closing \")"),
                rejected("q.csv", "quantity,value\r\nz1,0.8 -2 1.4\r\n\r\nyhat,\"0.2 0.3 0.5\r\n"));
        assertEquals(List.of("q.csv:3: is not valid CSV: text after the closing \" of a quoted value; quote the whole value"),
                rejected("q.csv", "quantity,value\nz1,0.8 -2 1.4\ndW1,\"1 2 3\"; 4 5 6\n"));
    }

    @Test
    void jsonSyntaxErrorsNameTheLine() {
        assertEquals(List.of("s.json:4: invalid JSON: expected , or } after the value of answers.z1, found '\"' (a comma is "
                        + "missing before the next name) (column 5)"),
                rejected("s.json", "{\n  \"answers\": {\n    \"z1\": [1, 2, 3]\n    \"yhat\": [1, 2, 3]\n  }\n}\n"));
        assertEquals(List.of("s.json:4: invalid JSON: the file ends inside an object, after answers.z1: expected , or } "
                        + "(column 1)"),
                rejected("s.json", "{\n  \"answers\": {\n    \"z1\": [1, 2, 3],\n"));
        assertEquals(List.of("s.json:1: invalid JSON: found }, but the list opened on line 1, column 20 is still open: "
                        + "expected its closing ] first (column 26)"),
                rejected("s.json", "{\"answers\": {\"z1\": [1,2,3}"));
        assertEquals(List.of("s.json: invalid JSON: Document nesting depth (33) exceeds the maximum allowed (32)"),
                rejected("s.json", "{\"answers\": {\"z1\": " + "[".repeat(40) + "1" + "]".repeat(40) + "}}"));
    }

    @Test
    void jsonThatIsNotASubmissionObjectIsRefused() {
        assertEquals(List.of("a.json:1: expected an object {\"answers\": {...}}, found a list"),
                rejected("a.json", "[{\"answers\": {\"z1\": [0.8, -2, 1.4]}}]"));
        assertEquals(List.of("a.json:2: answers: expected an object of quantity names and values, found a list"),
                rejected("a.json", "{\n\"answers\": [0.8, -2, 1.4]}"));
        assertEquals(List.of("a.json: has no answers; expected \"answers\": {\"z1\": [...], ...}"),
                rejected("a.json", "{\"answers\": {}}"));
        assertEquals(List.of("a.json: has no \"answers\" object; expected {\"answers\": {\"z1\": [...], ...}} "
                        + "(nngrade template PROBLEM prints one)"),
                rejected("a.json", "{\"problem\": \"notes-softmax-step\"}"));
        // A problem file is not a submission, even though its fields are reported one by one first.
        assertEquals("a.json: has no \"answers\" object; expected {\"answers\": {\"z1\": [...], ...}} "
                        + "(nngrade template PROBLEM prints one)",
                rejected("a.json", "{\"id\": \"p\", \"network\": {}}").get(2));
        assertEquals(List.of("a.json:1: unexpected content after the answers object"),
                rejected("a.json", "{\"answers\": {\"z1\": [0.8, -2, 1.4]}} {\"answers\": {}}"));
    }

    @Test
    void jsonCommentsAndTrailingCommasAreForgiven() {
        Submission s = read("c.json", "{\n  // my answers\n  \"answers\": {\"z1\": [0.8, -2, 1.4,], /* done */},\n}\n");
        assertZ1(s);
    }

    // ---------------------------------------------------------------- not text, empty

    static Stream<Arguments> notText() {
        String nul = "sub: is not a text file (it contains NUL bytes); expected answers as JSON or CSV";
        String utf8 = "sub: is not UTF-8 text; save it as UTF-8 (CSV UTF-8 in a spreadsheet's Save As)";
        return Stream.of(
                Arguments.of("NUL in CSV", "quantity,value\nz1,1\u00002\n".getBytes(StandardCharsets.UTF_8), nul),
                Arguments.of("NUL in JSON", "{\"answers\": {\"z1\": [1]}}\u0000".getBytes(StandardCharsets.UTF_8), nul),
                Arguments.of("a PNG header", bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D), nul),
                Arguments.of("UTF-16 with BOM", "quantity,value\n".getBytes(StandardCharsets.UTF_16),
                        "sub: is UTF-16 text (a spreadsheet's \"Unicode Text\"), not UTF-8; save it as UTF-8 (CSV UTF-8 in a "
                                + "spreadsheet's Save As)"),
                Arguments.of("UTF-16LE, no BOM (Excel's Unicode Text)", "quantity\tvalue\n".getBytes(StandardCharsets.UTF_16LE),
                        "sub: is UTF-16 text (a spreadsheet's \"Unicode Text\"), not UTF-8; save it as UTF-8 (CSV UTF-8 in a "
                                + "spreadsheet's Save As)"),
                Arguments.of("Latin-1 é", "quantity,value\nz1,1 2 3 \u00e9\n".getBytes(StandardCharsets.ISO_8859_1), utf8),
                Arguments.of("0xFF", bytes('{', 0xFF, '}'), utf8),
                Arguments.of("overlong /", bytes('q', ',', 0xC0, 0xAF), utf8),
                Arguments.of("truncated sequence", bytes('q', ',', 0xE2, 0x88), utf8),
                Arguments.of("lone continuation byte", bytes('z', '1', ',', 0x80), utf8),
                Arguments.of("surrogate in UTF-8", bytes('z', '1', ',', 0xED, 0xA0, 0x80), utf8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notText")
    void aFileThatIsNotUtf8TextIsRefused(String what, byte[] content, String message) {
        assertEquals(List.of(message), rejected("sub", content));
    }

    static Stream<Arguments> emptyFiles() {
        return Stream.of(
                Arguments.of("no bytes", new byte[0]),
                Arguments.of("spaces and newlines", " \n\t\n  ".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("CRLF only", "\r\n\r\n".getBytes(StandardCharsets.UTF_8)),
                Arguments.of("BOM only", BOM),
                Arguments.of("BOM and newline", concat(BOM, "\n".getBytes(StandardCharsets.UTF_8))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyFiles")
    void anEmptyFileIsRefused(String what, byte[] content) {
        assertEquals(List.of("empty.json: is empty; expected answers as JSON or CSV "
                + "(nngrade template PROBLEM prints a blank answer sheet)"), rejected("empty.json", content));
    }

    // ---------------------------------------------------------------- every problem, not just the first

    @Test
    void everyProblemInAJsonFileIsReportedAndTheRestIsRead() {
        Submission s = read("many.json", """
                {
                  "problem": "notes-softmax-step",
                  "answers": {
                    "z1": [0.8, -2, 1.4],
                    "yhat": [0.35, "zero point zero two", 0.63],
                    "dW1": [[0.35, 1.04, 0], [-0.98, -2.94], [0.63, 1.9, 0]],
                    "dW3": [[1]],
                    "loss": NaN,
                    "db1": ["x", "y", "z"],
                    "b1_next": [-0.25, 1.08, -0.53]
                  }
                }""");
        assertEquals(List.of(
                "many.json:5: answers.yhat[2]: \"zero point zero two\" is not a number",
                "many.json:6: answers.dW1: is ragged: row 2 has 2 values, but row 1 has 3",
                "many.json:7: answers.dW3: \"dW3\" is not a quantity of this problem (did you mean \"dW1\"?); "
                        + "expected one of " + NAMES,
                "many.json:8: answers.loss: \"NaN\" is not a number (NaN is not accepted)",
                "many.json:9: answers.db1[1]: \"x\" is not a number",
                "many.json:9: answers.db1[2]: \"y\" is not a number",
                "many.json:9: answers.db1[3]: \"z\" is not a number"), errors(s));
        assertMatrix(Z, s.answers().get(Z1));
        assertMatrix(new double[][] {{-0.25, 1.08, -0.53}}, s.answers().get(B1_NEXT));
        assertEquals(List.of(Z1, Quantity.YHAT, DW1, Quantity.LOSS, DB1, B1_NEXT), List.copyOf(s.answers().keySet()));
        assertEquals(List.of("answers.db1[1]: \"x\" is not a number", "answers.db1[2]: \"y\" is not a number",
                "answers.db1[3]: \"z\" is not a number"), s.answers().get(DB1).problems());
    }

    @Test
    void everyProblemInACsvFileIsReportedAndTheRestIsRead() {
        Submission s = read("many.csv", """
                quantity,row,col,value
                z1,1,1,0.8
                z1,1,2,-2
                z1,1,3,1.4
                loss,,,banana
                dz1,1,1,0.35
                dz1,1,1,0.36
                dz1,1,2,-0.98
                dz1,1,3,0.63
                foo,1,1,1
                db1,1,7,0.35
                db1,1,1,Infinity
                yhat,1,1
                """);
        assertEquals(List.of(
                "many.csv:5: loss row (none), column (none): \"banana\" is not a number",
                "many.csv:7: dz1 row 1, column 1 is given twice (first on line 6)",
                "many.csv:10: \"foo\" is not a quantity of this problem; expected one of " + NAMES,
                "many.csv:11: db1: column 7 is out of range; db1 is 1×3 (indices start at 1)",
                "many.csv:12: db1 row 1, column 1: \"Infinity\" is not a finite number",
                "many.csv:13: expected 4 cells (quantity,row,col,value), found 3"), errors(s));
        assertMatrix(Z, s.answers().get(Z1));
        assertFalse(s.answers().get(Quantity.LOSS).isReadable());
        assertFalse(s.answers().get(DZ1).isReadable());
        assertEquals(List.of("db1: column 7 is out of range; db1 is 1×3 (indices start at 1)",
                "db1 row 1, column 1: \"Infinity\" is not a finite number"), s.answers().get(DB1).problems());
    }

    // ---------------------------------------------------------------- size cap, files

    @Test
    void aFileOverTheCapIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(SubmissionReader.MAX_BYTES + 1); // sparse: all NUL bytes, so reading it would say so
        }
        BadInputException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(BadInputException.class, () -> SubmissionReader.read(huge, notes)));
        assertEquals(List.of(huge + ": is 17 MB; a submission is at most 16 MB"),
                e.errors().stream().map(InputError::oneLine).toList());
        assertEquals(16L << 20, SubmissionReader.MAX_BYTES);
    }

    @Test
    void aFileOfExactlyTheCapIsRead(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("max.csv");
        byte[] head = "quantity,value\nz1,0.8 -2 1.4\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[(int) SubmissionReader.MAX_BYTES];
        Arrays.fill(content, (byte) '\n');
        System.arraycopy(head, 0, content, 0, head.length);
        Files.write(file, content);
        assertZ1(SubmissionReader.read(file, notes));
    }

    @Test
    void aMissingFileOrAFolderIsRefused(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");
        assertEquals(List.of(missing + ": no such file"), assertThrows(BadInputException.class,
                () -> SubmissionReader.read(missing, notes)).errors().stream().map(InputError::oneLine).toList());
        assertEquals(List.of(dir + ": is a folder; expected a submission file"), assertThrows(BadInputException.class,
                () -> SubmissionReader.read(dir, notes)).errors().stream().map(InputError::oneLine).toList());
    }

    @Test
    void readNamesTheFileAsGivenAndKeepsProblemAndStudent(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ana.json");
        Files.writeString(file, "{\"problem\": \"p\", \"student\": \"ana.popescu\", \"answers\": {\"z1\": [0.8, -2, 1.4]}}");
        Submission s = SubmissionReader.read(file, notes);
        assertEquals(file.toString(), s.source());
        assertEquals("p", s.problem());
        assertEquals("ana.popescu", s.student());
        assertArrayEquals(new double[] {0.8, -2, 1.4}, s.answers().get(Z1).value().toArray());
    }
}
