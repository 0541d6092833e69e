package nngrade.fuzz;

import nngrade.cli.Main;
import nngrade.submission.Workbooks;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The adversarial corpus: src/test/resources/adversarial/*, and files written at test time
 * ({@code generated/…}): a few too large to commit, and workbooks, which are zips and so are
 * written as code ({@link Workbooks}). Each is run through the command
 * line, in-process ({@link Main#run}), and {@code expected.tsv} beside the files says what must
 * come out: the exit code and the exact line (stripped of indentation) on stdout, stderr or in
 * the gradebook. No run may show a stack trace, and {@code grade} may write nowhere but --out.
 *
 * <p>expected.tsv columns: command (check, solve, grade; roster: the file is the --roster of a
 * grade of the notes' answers; overrides: the file is grade's --overrides for
 * submissions-sample/notes.json), problem (for check, grade, roster and overrides; "-" for solve),
 * file (in the corpus folder, or generated/NAME), exit code, where (out, err, gradebook, or "-" for no line), line. In a line, {file} and {problem} stand for the paths as given on
 * the command line. A file may have several rows, one per line to find.
 */
class AdversarialCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/adversarial");
    private static final String NOTES = "problems/notes-softmax-step.json";

    @TempDir
    static Path tmp;
    static Path generated;

    record Row(int number, String command, String problem, String file, int exit, String where, String line) {
        @Override
        public String toString() {
            return "expected.tsv:" + number + " " + command + " " + file + " → " + exit + (where.equals("-") ? "" : " " + where);
        }
    }

    record Run(int exit, String out, String err, Path outDir) {
        String all() {
            return out + err;
        }
    }

    /** One run per (command, problem, file), shared by the rows that look at its output. */
    private static final Map<String, Run> RUNS = new ConcurrentHashMap<>();

    @BeforeAll
    static void generateLargeFiles() throws IOException {
        generated = tmp.resolve("generated");
        Files.createDirectories(generated);
        String answers = "{\"answers\": {\"z1\": [0.8, -2, 1.4]}}";
        // 50 MB: refused by its size, before a byte is read
        writePadded(generated.resolve("fifty-mb.json"), answers, 50 << 20);
        writePadded(generated.resolve("fifty-mb-problem.json"), Files.readString(Path.of(NOTES)), 50 << 20);
        // a million rows, 11 MB, under the 16 MB limit: all one cell, so 999,999 "given twice"
        try (BufferedWriter w = Files.newBufferedWriter(generated.resolve("million-rows.csv"), StandardCharsets.UTF_8)) {
            w.write("quantity,row,col,value\n");
            for (int i = 0; i < 1_000_000; i++) {
                w.write("z1,1,1,0.8\n");
            }
        }
        // 10,000 softmax units: solved; with 1001 samples (z1 of 10,010,000 values) refused
        Files.writeString(generated.resolve("ten-thousand-units.json"), problem("ten-thousand-units", 1, 3, 0, 10_000));
        Files.writeString(generated.resolve("ten-thousand-units-1001-samples.json"),
                problem("ten-thousand-units-1001-samples", 1001, 1, 10_000, 1));
        // 1000 samples × 100 inputs × 1001 hidden units: 100,100,000 multiply-adds in the first layer alone
        Files.writeString(generated.resolve("too-much-work.json"), problem("too-much-work", 1000, 100, 1001, 1));
        // a cell at (10000, 10000) of the 1×10000 z1: each index in range, together 10^8 cells
        Files.writeString(generated.resolve("far-cell.csv"), "quantity,row,col,value\nz1,10000,10000,1\n");
        // a 10-million-character quantity name in ask
        String notes = Files.readString(Path.of(NOTES));
        Files.writeString(generated.resolve("long-ask-name.json"),
                notes.replace("\"ask\": [\"z1\",", "\"ask\": [\"" + "z".repeat(10_000_000) + "\", \"z1\","));
        // a 4 MB YAML file on one line (SnakeYAML takes seconds per MB of one line)
        Files.writeString(generated.resolve("long-line.yaml"), "id: long-line\nstatement: \"" + "x".repeat(4 << 20) + "\"\n");
        // a 1.6 MB number on line 2 (a fuzzer's find: seconds in SnakeYAML, though under the 3 MB)
        Files.writeString(generated.resolve("long-number.yaml"), "id: long-number\r\nlearningRate: 1" + "0".repeat(1_600_000) + "\n");
        generateWorkbooks();
    }

    /** Workbooks that would make fastexcel-reader run out of memory or time, or that are no workbooks at all. */
    private static void generateWorkbooks() throws IOException {
        byte[] answers = Workbooks.sheet(List.of(Workbooks.row("quantity", "value"), Workbooks.row("z1", "0.8 -2 1.4"),
                Workbooks.row("loss", 3.8588067437128286), Workbooks.row("yhat", 0L)));
        // 256 MB of spaces in the sheet, 250 kB packed
        Files.write(generated.resolve("zip-bomb.xlsx"),
                Workbooks.withBomb(answers, Workbooks.SHEET, "<worksheet>", " ", 1L << 28, "</worksheet>"));
        // fastexcel-reader would make a row 300 million cells wide, and add two billion empty shared strings
        Files.write(generated.resolve("column-past-xfd.xlsx"), Workbooks.editSheet(answers,
                xml -> xml.replace("<c r=\"A2\"", "<c r=\"AAAAAAA2\"")));
        Files.write(generated.resolve("shared-text-two-billion.xlsx"), Workbooks.editSheet(answers,
                xml -> xml.replaceFirst("<v>0</v>", "<v>2000000000</v>")));
        // one cell in Excel's last column, then 100,000 empty rows, each as wide in fastexcel-reader
        Files.write(generated.resolve("wide-then-long.xlsx"), Workbooks.editSheet(answers, xml -> xml.replace("</sheetData>",
                "<row r=\"5\"><c r=\"XFD5\"><v>1</v></c></row>" + "<row/>".repeat(100_000) + "</sheetData>")));
        // a formula never computed (written by a program, never opened in a spreadsheet), a #DIV/0!,
        // and a sheet named in 300 characters (Excel allows 31)
        byte[] notComputed = Workbooks.withCell(Workbooks.sheet(List.of(Workbooks.row("quantity", "value"),
                Workbooks.row("z1", "0.8 -2 1.4"), Workbooks.row("loss", new Workbooks.Formula("B1*2")),
                Workbooks.row("yhat", 0L))), "B4", "<c r=\"B4\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>");
        Files.write(generated.resolve("not-computed.xlsx"), Workbooks.editPart(notComputed, "xl/workbook.xml",
                xml -> xml.replace("name=\"Sheet1\"", "name=\"" + "x".repeat(300) + "\"")));
        byte[] ole2 = new byte[1024];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1}, 0, ole2, 0, 8);
        Files.write(generated.resolve("old-excel.xls"), ole2);
        byte[] encrypted = ole2.clone();
        byte[] name = "EncryptedPackage".getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(name, 0, encrypted, 600, name.length);
        Files.write(generated.resolve("password.xlsx"), encrypted);
    }

    private static void writePadded(Path f, String content, int size) throws IOException {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) ' ');
        byte[] c = content.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(c, 0, bytes, 0, c.length);
        Files.write(f, bytes);
    }

    /**
     * A problem of m samples of n inputs and one softmax output layer of k units (hidden = 0),
     * or a tanh hidden layer and a sigmoid output of k = 1 unit; every weight 0.001, so every
     * output unit of a softmax is exactly 1/k.
     */
    static String problem(String id, int m, int n, int hidden, int k) {
        StringBuilder sb = new StringBuilder("{\"id\": \"" + id + "\", \"title\": \"" + id + "\", \"network\": {\"inputs\": " + n
                + ", \"layers\": [");
        if (hidden > 0) {
            sb.append("{\"units\": ").append(hidden).append(", \"activation\": \"tanh\"}, {\"units\": ").append(k)
                    .append(", \"activation\": \"sigmoid\"}], \"loss\": \"binary-cross-entropy\"}");
        } else {
            sb.append("{\"units\": ").append(k).append(", \"activation\": \"softmax\"}], \"loss\": \"cross-entropy\"}");
        }
        sb.append(", \"learningRate\": 0.1, \"ask\": [\"yhat\", \"loss\"], \"given\": {\"x\": ");
        matrix(sb, m, n, j -> String.valueOf(j + 1));
        sb.append(", \"y\": ");
        matrix(sb, m, k, j -> j == 0 ? "1" : "0");
        if (hidden > 0) {
            sb.append(", \"W1\": ");
            matrix(sb, hidden, n, j -> "0.001");
            sb.append(", \"b1\": ");
            matrix(sb, 1, hidden, j -> "0");
            sb.append(", \"W2\": ");
            matrix(sb, k, hidden, j -> "0.001");
            sb.append(", \"b2\": ");
            matrix(sb, 1, k, j -> "0");
        } else {
            sb.append(", \"W1\": ");
            matrix(sb, k, n, j -> "0.001");
            sb.append(", \"b1\": ");
            matrix(sb, 1, k, j -> "0");
        }
        return sb.append("}}\n").toString();
    }

    private static void matrix(StringBuilder sb, int rows, int cols, IntFunction<String> cell) {
        sb.append('[');
        for (int i = 0; i < rows; i++) {
            sb.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < cols; j++) {
                sb.append(j == 0 ? "" : ", ").append(cell.apply(j));
            }
            sb.append(']');
        }
        sb.append(']');
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(CORPUS.resolve("expected.tsv"), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.isBlank() || l.startsWith("#")) {
                    continue;
                }
                String[] c = l.split("\t", -1);
                if (c.length != 6) {
                    throw new IllegalStateException("expected.tsv:" + (i + 1) + ": expected 6 tab-separated columns, found "
                            + c.length);
                }
                rows.add(new Row(i + 1, c[0], c[1], c[2], Integer.parseInt(c[3]), c[4], c[5]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static String path(String file) {
        return file.startsWith("generated/") ? generated.resolve(file.substring("generated/".length())).toString()
                : file.startsWith("problems/") ? file : CORPUS.resolve(file).toString();
    }

    private static Run run(Row r) {
        return RUNS.computeIfAbsent(r.command() + " " + r.problem() + " " + r.file(), k -> {
            String file = path(r.file());
            return switch (r.command()) {
                case "solve" -> cli(null, "solve", file, "--format", "csv");
                case "check" -> cli(null, "check", path(r.problem()), file);
                case "grade", "roster", "overrides" -> {
                    Path parent = newDir(r.command());
                    Path out = parent.resolve("out");
                    // grade: ids from the files' student fields, so the hostile ids of the corpus reach every output
                    Run run = switch (r.command()) {
                        case "grade" -> cli(out, "grade", path(r.problem()), file, "--out", out.toString(), "--format",
                                "html,md,json", "--id-from", "field");
                        case "roster" -> cli(out, "grade", path(r.problem()), "submissions-sample/notes.json", "--roster",
                                file, "--out", out.toString());
                        default -> cli(out, "grade", path(r.problem()), "submissions-sample/notes.json", "--out",
                                out.toString(), "--format", "html,md,json", "--overrides", file);
                    };
                    // a run that grades nothing (exit 2) writes nothing, not even --out
                    assertEquals(run.exit() == 2 ? List.of() : List.of("out"), list(parent), "grade wrote beside --out");
                    if (run.exit() != 2) {
                        assertInside(out);
                    }
                    yield run;
                }
                default -> throw new IllegalStateException("unknown command " + r.command());
            };
        });
    }

    private static Run cli(Path outDir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString(), outDir);
    }

    private static Path newDir(String prefix) {
        try {
            return Files.createTempDirectory(tmp, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under {@code out}, links resolved, is inside it. */
    private static void assertInside(Path out) {
        try (Stream<Path> s = Files.walk(out)) {
            Path real = out.toRealPath();
            for (Path p : s.toList()) {
                assertTrue(p.toRealPath().startsWith(real), p + " is outside " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachFileGivesItsExitCodeAndExactLineWithoutAStackTrace(Row r) {
        Run run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(r), r + " took over 60 s");
        assertEquals(r.exit(), run.exit(), () -> r + "\n" + clip(run.all()));
        assertFalse(run.all().contains("Exception"), () -> r + ": an exception's name in the output\n" + clip(run.all()));
        assertFalse(run.all().contains("\tat "), () -> r + ": a stack trace in the output\n" + clip(run.all()));
        assertFalse(run.all().contains("internal error"), () -> r + "\n" + clip(run.all()));
        if (r.where().equals("-")) {
            return;
        }
        String expected = r.line().replace("{file}", path(r.file())).replace("{problem}", path(r.problem()));
        String text = switch (r.where()) {
            case "out" -> run.out();
            case "err" -> run.err();
            case "gradebook" -> read(run.outDir().resolve("gradebook.csv"));
            default -> throw new IllegalStateException(r + ": unknown place " + r.where());
        };
        assertTrue(text.lines().map(String::strip).anyMatch(expected::equals),
                () -> r + ": no line\n" + expected + "\nin " + r.where() + ":\n" + clip(text));
    }

    private static String clip(String text) {
        return text.length() > 4000 ? text.substring(0, 4000) + "\n…" : text;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyCorpusFileHasARowAndEveryRowAFile() {
        Set<String> listed = new TreeSet<>();
        for (Row r : rows()) {
            listed.add(r.file());
            if (!r.file().startsWith("generated/")) {
                assertTrue(Files.isRegularFile(CORPUS.resolve(r.file())), r + ": no such file");
            } else {
                assertTrue(Files.isRegularFile(generated.resolve(r.file().substring(10))), r + ": not generated");
            }
        }
        for (String f : list(CORPUS)) {
            if (!f.equals("expected.tsv")) {
                assertTrue(listed.contains(f), f + " has no row in expected.tsv");
            }
        }
        for (String f : list(generated)) {
            assertTrue(listed.contains("generated/" + f), "generated/" + f + " has no row in expected.tsv");
        }
    }

    @Test
    void aFormulaInTheStudentIdIsNeutralisedInEveryGradebookCell() throws IOException {
        Run run = run(new Row(0, "grade", NOTES, "formula-injection.json", 0, "-", ""));
        assertEquals(0, run.exit(), () -> clip(run.all()));
        List<CSVRecord> records;
        try (CSVParser p = CSVFormat.RFC4180.parse(new StringReader(read(run.outDir().resolve("gradebook.csv"))))) {
            records = p.getRecords();
        }
        assertEquals(2, records.size());
        assertTrue(records.get(1).get(0).startsWith("'=HYPERLINK("), records.get(1).get(0));
        for (CSVRecord rec : records) {
            for (String cell : rec) {
                assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9.]+"),
                        "a cell a spreadsheet would run: " + cell);
            }
        }
    }

    @Test
    void aPathInTheStudentIdNamesAReportInsideTheReportsFolder() {
        Run run = run(new Row(0, "grade", NOTES, "path-traversal.json", 0, "-", ""));
        assertEquals(0, run.exit(), () -> clip(run.all()));
        List<String> reports = list(run.outDir().resolve("reports"));
        assertEquals(3, reports.size(), reports.toString());
        for (String name : reports) {
            assertTrue(name.matches("[A-Za-z0-9_][A-Za-z0-9._~-]*") && !name.contains(".."), name);
            assertTrue(name.contains("etc_passwd"), name);
        }
        assertFalse(Files.exists(tmp.resolve("etc")), "a file escaped into " + tmp.resolve("etc"));
    }

    @Test
    void tenThousandUnitsAreSolvedInReasonableTime() {
        long start = System.nanoTime();
        Run run = cli(null, "solve", path("generated/ten-thousand-units.json"), "--format", "csv");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, run.exit(), () -> clip(run.err()));
        assertTrue(seconds < 30, "took " + seconds + " s");
        // every unit gets exactly 1/10000 of the probability, the first (the target) included
        long ones = run.out().lines().filter(l -> l.startsWith("yhat,1,") && l.endsWith(",1.0E-4")).count();
        assertEquals(10_000, ones, () -> clip(run.out()));
    }

    @Test
    void theCorpusIsNotChangedByTheRuns() {
        Map<String, Long> before = sizes();
        rows().forEach(AdversarialCorpusTest::run);
        assertEquals(before, sizes());
    }

    private static Map<String, Long> sizes() {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Stream<Path> s = Files.list(CORPUS)) {
            for (Path p : s.sorted().toList()) {
                out.put(p.getFileName().toString(), Files.size(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(out);
    }
}
