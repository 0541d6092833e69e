package nngrade.cli;

import nngrade.check.CheckResult;
import nngrade.check.Checker;
import nngrade.check.CopyFinder;
import nngrade.input.BadInputException;
import nngrade.input.InputError;
import nngrade.problem.Problem;
import nngrade.problem.Tolerance;
import nngrade.problem.ToleranceSpec;
import nngrade.report.CheckHtml;
import nngrade.report.CheckJson;
import nngrade.report.CheckMarkdown;
import nngrade.grade.ClassRow;
import nngrade.grade.ClassStatistics;
import nngrade.grade.RowStatus;
import nngrade.report.ClassSummary;
import nngrade.grade.Gradebook;
import nngrade.report.Gradescope;
import nngrade.report.JunitXml;
import nngrade.report.ReportOptions;
import nngrade.report.SummaryHtml;
import nngrade.report.SummaryJson;
import nngrade.report.SummaryMarkdown;
import nngrade.solve.AnswerKey;
import nngrade.submission.RosterReader;
import nngrade.submission.Submission;
import nngrade.submission.SubmissionReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

@Command(name = "grade",
        mixinStandardHelpOptions = true,
        description = "Grade a whole class: every JSON/CSV submission in the INPUT files and folders, into a "
                + "gradebook, a report per student and a class summary in --out.",
        footer = "%nExit codes:%n"
                + "  0  every input graded (whatever the scores)%n"
                + "  1  some inputs invalid (they are still in the gradebook)%n"
                + "  2  the problem or the command line is wrong%n"
                + "  3  a bug in nngrade (please report it)%n")
public final class GradeCommand implements Callable<Integer> {

    enum ReportFormat {
        html("html"), md("md"), json("json");

        final String extension;

        ReportFormat(String extension) {
            this.extension = extension;
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROBLEM", description = "Problem file (JSON or YAML).")
    Path problem;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "INPUT",
            description = "Submission files, or folders of them (*.json, *.csv; searched recursively).")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the gradebook and reports.")
    Path out;

    @Option(names = "--roster", paramLabel = "CSV",
            description = "Class list (a CSV with an id column): students without a submission get a missing row, "
                    + "submissions from ids not on it an unknown row.")
    Path roster;

    @Option(names = "--format", split = ",", defaultValue = "html", paramLabel = "FORMATS",
            description = "Reports per student: any of html, md, json, comma-separated. Default: ${DEFAULT-VALUE}.")
    List<ReportFormat> formats;

    @Option(names = "--jobs", defaultValue = "0", paramLabel = "N", description = "Parallel graders. Default: all cores.")
    int jobs;

    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    @Option(names = "--junit-xml", paramLabel = "FILE", description = "Also write JUnit XML: a testsuite per student.")
    Path junitXml;

    @Option(names = "--gradescope", paramLabel = "FILE",
            description = "Also write Gradescope's results.json (needs exactly one submission).")
    Path gradescope;

    @Option(names = "--hide-expected", description = "Leave expected values out of the student reports.")
    boolean hideExpected;

    @Option(names = "--tolerance", paramLabel = "SPEC", description = "Replace the problem's default tolerance, e.g. decimals=2.")
    String tolerance;

    @Mixin
    LanguageOption language;

    @Mixin
    SecretOption secret;

    /**
     * What one worker hands back: the row, and the name its reports were staged under in the
     * reports folder, or null when they wait in the staging folder under the file's index.
     */
    private record Graded(int index, ClassRow row, FileTime modified, String claimed) {
    }

    private final ClassRow.Sharing rowMaker = new ClassRow.Sharing();

    /**
     * Report names taken during grading, lower case ("Ana" and "ana" clash on Windows and macOS).
     * The first file of an id writes its reports straight under their likely final name, so a
     * class of unique ids needs no renaming afterwards (100,000 renames take seconds).
     */
    private final java.util.concurrent.ConcurrentHashMap<String, Integer> claims = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Tolerance override = tolerance == null ? null : ToleranceSpec.parse(tolerance);
        ProblemSource source = new ProblemSource(problem, secret.secret());
        // Names and shapes are the same in every variant, so any one serves to read files and lay out the gradebook.
        Problem p = source.forStudent("").problem();
        Set<String> rosterIds = roster == null ? null : RosterReader.read(roster);
        List<Input> files = collect();
        if (gradescope != null && files.size() != 1) {
            throw usage("--gradescope", "Gradescope grades one submission at a time, but " + files.size() + " were given");
        }
        ReportOptions options = new ReportOptions(language.messages(), hideExpected, false, false);
        Path staging;
        try {
            Files.createDirectories(out);
            staging = Files.createTempDirectory(out, ".nngrade-staging-");
            Files.createDirectories(staging.resolve("reports"));
        } catch (IOException e) {
            throw cannotWrite(out, e);
        }
        try {
            CopyFinder copies = source.perStudent() ? copyFinder(source, files, rosterIds) : null;
            Graded[] graded;
            try {
                graded = gradeAll(files, source, copies, override, options, staging, err);
            } catch (IOException e) { // a report that could not be staged: a full disk, say
                throw cannotWrite(out, e);
            }
            List<ClassRow> rows = finish(graded, files, rosterIds, p, staging);
            publish(p, rows, staging);
            long invalid = rows.stream().filter(r -> r.status() == RowStatus.INVALID).count();
            if (!quiet && System.console() != null) {
                err.println(summaryLine(rows) + " → " + out.resolve("gradebook.csv"));
            }
            appendStepSummary(p, rows);
            return invalid > 0 ? ExitCode.NOT_ALL_CORRECT : ExitCode.OK;
        } finally {
            AtomicFiles.deleteTree(staging);
        }
    }

    private BadInputException usage(String option, String message) {
        return new BadInputException(InputError.atField("command line", option, message));
    }

    private static BadInputException cannotWrite(Path target, IOException e) {
        return new BadInputException(InputError.inFile(target.toString(), "cannot write: " + AtomicFiles.whyNot(e)));
    }

    /** Refuses an output that would land in (or on) a submission folder or file given as input. */
    private void refuseWritingInto(Path input, Path inputAbs, String option, Path target) {
        if (target == null || !target.toAbsolutePath().normalize().startsWith(inputAbs)) {
            return;
        }
        throw usage(option, target + (Files.isDirectory(input) ? " is inside the submissions folder " + input
                : " is the submission " + input) + "; nngrade never writes there: choose another "
                + (option.equals("--out") ? "folder" : "file"));
    }

    /**
     * A submission file to grade, and when it was last changed (the newest of a student's files
     * counts). The path stays the walk's own: text decoded from a file name need not name the
     * same file again (bytes that are not UTF-8, a C locale). Its text, cached by the path, is
     * the one the gradebook row keeps.
     */
    private record Input(Path file, FileTime modified) implements Comparable<Input> {
        @Override
        public int compareTo(Input o) {
            return file.compareTo(o.file);
        }
    }

    /** Every submission file under the inputs, sorted, each once; the output folder is never among them. */
    private List<Input> collect() throws IOException {
        // Keyed by the real location, so one file named two ways (./a/x.json, a/x.json) is graded once:
        // the first input that names it wins.
        Map<Path, Input> found = new java.util.HashMap<>();
        for (Path input : inputs) {
            Path abs = input.toAbsolutePath().normalize();
            if (!Files.exists(input)) {
                throw new BadInputException(InputError.inFile(input.toString(), "no such file or folder"));
            }
            refuseWritingInto(input, abs, "--out", out);
            refuseWritingInto(input, abs, "--junit-xml", junitXml);
            refuseWritingInto(input, abs, "--gradescope", gradescope);
            if (Files.isDirectory(input) && inputs.size() == 1) {
                List<Input> files = walk(input); // one walk names each file once: nothing to merge
                files.sort(null);
                return files;
            } else if (Files.isDirectory(input)) {
                walk(input).forEach(f -> found.putIfAbsent(f.file().toAbsolutePath().normalize(), f));
            } else {
                found.putIfAbsent(abs, new Input(input, Files.getLastModifiedTime(input)));
            }
        }
        List<Input> files = new ArrayList<>(found.values());
        files.sort(null);
        return files;
    }

    /**
     * The submission files in a folder, its subfolders walked in parallel (a class is often a
     * folder per group); each file is seen once, with the walk's own attributes.
     */
    private static List<Input> walk(Path folder) throws IOException {
        List<Path> subfolders = new ArrayList<>();
        List<Input> found = new ArrayList<>(visit(folder, 1, subfolders));
        try {
            subfolders.parallelStream().map(sub -> {
                try {
                    return visit(sub, Integer.MAX_VALUE, null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).forEachOrdered(found::addAll);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return found;
    }

    /** The submission files down to {@code depth} levels below {@code folder}; folders at the last level go to {@code deeper}. */
    private static List<Input> visit(Path folder, int depth, List<Path> deeper) throws IOException {
        List<Input> found = new ArrayList<>();
        Files.walkFileTree(folder, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), depth,
                new java.nio.file.SimpleFileVisitor<>() {
                    @Override
                    public java.nio.file.FileVisitResult visitFile(Path f, java.nio.file.attribute.BasicFileAttributes a)
                            throws IOException {
                        if (a.isDirectory()) { // at the depth limit
                            deeper.add(f);
                        } else if (!isSubmission(f)) {
                            return java.nio.file.FileVisitResult.CONTINUE;
                        } else if (a.isRegularFile()) {
                            found.add(new Input(f, a.lastModifiedTime()));
                        } else if (a.isSymbolicLink() && Files.isRegularFile(f)) { // a link to a file is that file
                            found.add(new Input(f, Files.getLastModifiedTime(f)));
                        }
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }

                    @Override
                    public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) {
                        throw new BadInputException(InputError.inFile(f.toString(), "cannot be read: " + AtomicFiles.whyNot(e)));
                    }
                });
        return found;
    }

    private static boolean isSubmission(Path f) {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".json") || name.endsWith(".csv"));
    }

    /** Every student's variant: the roster's, else one per file name, plus the ids the files give themselves. */
    private static CopyFinder copyFinder(ProblemSource source, List<Input> files, Set<String> rosterIds) {
        Map<String, AnswerKey> keys = new java.util.TreeMap<>();
        java.util.Collection<String> ids = rosterIds != null ? rosterIds : files.stream().map(f -> Ids.fromFileName(f.file())).toList();
        for (String id : ids) {
            keys.put(id, source.forStudent(id).key());
        }
        return new CopyFinder(keys);
    }

    private Graded[] gradeAll(List<Input> files, ProblemSource source, CopyFinder copies, Tolerance override,
                              ReportOptions options, Path staging, PrintWriter err) throws Exception {
        int threads = Math.max(1, Math.min(files.size(), jobs > 0 ? jobs : Runtime.getRuntime().availableProcessors()));
        Graded[] graded = new Graded[files.size()];
        // Each worker takes the next file until none is left: no queue, no task per file.
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Progress progress = new Progress(err, !quiet && System.console() != null, files.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (FileWriterThread writer = new FileWriterThread()) {
            for (int t = 0; t < threads; t++) {
                pool.execute(() -> {
                    try {
                        for (int i = next.getAndIncrement(); i < graded.length && failure.get() == null;
                             i = next.getAndIncrement()) {
                            graded[i] = gradeOne(i, files.get(i), source, copies, override, options, staging, writer);
                            done.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            pool.shutdown();
            while (!pool.awaitTermination(200, TimeUnit.MILLISECONDS)) {
                progress.update(done.get());
            }
            progress.update(done.get());
        } catch (IOException e) {
            failure.compareAndSet(null, e); // a report that could not be written
        } finally {
            pool.shutdownNow();
            progress.finish();
        }
        if (failure.get() instanceof Exception e) {
            throw e;
        } else if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        for (Graded g : graded) {
            if (g.row().status() == RowStatus.INVALID) {
                err.println(g.row().file() + ": invalid: " + g.row().note());
            }
        }
        return graded;
    }

    private Graded gradeOne(int index, Input input, ProblemSource source, CopyFinder copies, Tolerance override,
                            ReportOptions options, Path staging, FileWriterThread writer) throws IOException {
        Path file = input.file();
        String fileId = Ids.fromFileName(file);
        Problem p = source.forStudent(fileId).problem();
        CheckResult r;
        RowStatus status;
        String note = "";
        try {
            Submission s = SubmissionReader.read(file, p);
            String id = s.student() != null && !s.student().isBlank() ? s.student() : fileId;
            r = Checker.check(source.forStudent(id).key(), s, override, id);
            status = RowStatus.GRADED;
            if (copies != null) {
                CopyFinder.Match m = copies.find(s, id, r.score(), r.maxScore());
                if (m != null) {
                    note = "possible-copy: the answers fit the variant of " + m.otherId() + " better ("
                            + nngrade.problem.Numbers.score(m.otherScore()) + " against " + nngrade.problem.Numbers.score(m.ownScore()) + " points)";
                }
            }
        } catch (BadInputException e) {
            r = CheckResult.invalid(p, fileId, file.toString(), e.errors());
            status = RowStatus.INVALID;
            InputError first = e.errors().get(0);
            note = first.withoutFile() + (e.errors().size() > 1 ? " (and " + (e.errors().size() - 1) + " more)" : "");
        }
        String claimed = null;
        if (!formats.isEmpty()) {
            String name = FileNames.safe(r.student());
            claimed = claims.putIfAbsent(name.toLowerCase(Locale.ROOT), index) == null ? name : null;
        }
        for (ReportFormat f : formats) {
            String text = switch (f) {
                case html -> CheckHtml.render(r, options);
                case md -> CheckMarkdown.render(r, options);
                case json -> CheckJson.render(r, options);
            };
            writer.write(staged(staging, index, claimed, f), text);
        }
        if (junitXml != null) {
            StringWriter w = new StringWriter();
            new JunitXmlFragment(w, options).add(r);
            AtomicFiles.writeUtf8(staging.resolve(index + ".junit"), w.toString());
        }
        if (gradescope != null) {
            AtomicFiles.writeUtf8(staging.resolve("gradescope.json"), Gradescope.render(r, options));
        }
        return new Graded(index, rowMaker.of(r, status, note), input.modified(), claimed);
    }

    /**
     * One row per file, then per roster student without a file. Of several files for one
     * student the newest counts (the last by path on a tie); the others are duplicates.
     */
    private List<ClassRow> finish(Graded[] graded, List<Input> files, Set<String> rosterIds, Problem p, Path staging)
            throws IOException {
        // Files grouped by id through a sorted copy rather than a map of lists, which costs
        // ~120 bytes a file (12 MB for 100,000); ids are still taken in the order of their first file.
        Graded[] byId = graded.clone();
        Arrays.sort(byId, Comparator.comparing((Graded g) -> g.row().id()).thenComparingInt(Graded::index));
        int[] position = new int[byId.length];
        for (int k = 0; k < byId.length; k++) {
            position[byId[k].index()] = k;
        }
        Set<String> submitted = rosterIds == null ? null : new HashSet<>();
        Path reports = staging.resolve("reports");
        List<Numbered> rows = new ArrayList<>(graded.length);
        Map<Graded, String> misplaced = new LinkedHashMap<>(); // report → its final name, where it is not yet
        Set<String> usedNames = new HashSet<>(); // lower case: "Ana" and "ana" clash on Windows and macOS
        for (Graded first : graded) {
            String id = first.row().id();
            int start = position[first.index()];
            if (start > 0 && byId[start - 1].row().id().equals(id)) {
                continue; // not the first file of its id
            }
            int end = start + 1;
            while (end < byId.length && byId[end].row().id().equals(id)) {
                end++;
            }
            List<Graded> mine = Arrays.asList(byId).subList(start, end);
            if (submitted != null) {
                submitted.add(id);
            }
            // Files are sorted by path, so of two equally new files the later index is the later path.
            Graded counted = mine.stream().max(Comparator.comparing(Graded::modified)
                    .thenComparingInt(Graded::index)).orElseThrow();
            for (Graded g : mine) {
                ClassRow row = g.row();
                String reportName = FileNames.safe(id);
                if (g != counted) {
                    row = row.with(RowStatus.DUPLICATE, "not counted: " + counted.row().file() + " is newer"
                            + (row.note().isEmpty() ? "" : "; " + row.note()));
                    reportName = reportName + "--" + FileNames.safe(Ids.fromFileName(files.get(g.index()).file()));
                } else {
                    if (mine.size() > 1) {
                        row = row.with(row.status(), "counted (newest of " + mine.size() + " files)"
                                + (row.note().isEmpty() ? "" : "; " + row.note()));
                    }
                    if (rosterIds != null && !rosterIds.contains(id) && row.status() == RowStatus.GRADED) {
                        row = row.with(RowStatus.UNKNOWN, "not on the roster" + (row.note().isEmpty() ? "" : "; " + row.note()));
                    }
                }
                rows.add(new Numbered(row, g.index()));
                if (formats.isEmpty()) {
                    continue; // no report, no name to choose
                }
                String unique = reportName;
                for (int n = 2; !usedNames.add(unique.toLowerCase(Locale.ROOT)); n++) {
                    unique = reportName + "~" + n;
                }
                if (!unique.equals(g.claimed())) {
                    misplaced.put(g, unique);
                }
            }
        }
        // Out of the way first, then into place: a name taken during grading may be another's final name.
        for (Graded g : misplaced.keySet()) {
            if (g.claimed() != null) {
                for (ReportFormat f : formats) {
                    AtomicFiles.move(staged(staging, g.index(), g.claimed(), f), staged(staging, g.index(), null, f));
                }
            }
        }
        for (Map.Entry<Graded, String> e : misplaced.entrySet()) {
            for (ReportFormat f : formats) {
                AtomicFiles.move(staged(staging, e.getKey().index(), null, f), reports.resolve(e.getValue() + "." + f.extension));
            }
        }
        double max = p.maxScore();
        if (rosterIds != null) {
            for (String id : rosterIds) {
                if (!submitted.contains(id)) {
                    rows.add(new Numbered(ClassRow.ungraded(id, RowStatus.MISSING, "", "no submission", max), -1));
                }
            }
        }
        // By index last: two files may read alike (names the locale cannot decode) yet are two rows.
        rows.sort(Comparator.comparing((Numbered n) -> n.row().id()).thenComparing(n -> n.row().file())
                .thenComparingInt(Numbered::index));
        if (junitXml != null) {
            assembleJunit(rows, staging, p);
        }
        return rows.stream().map(Numbered::row).toList();
    }

    /** A gradebook row and the index of its file (-1 for a roster student without one). */
    private record Numbered(ClassRow row, int index) {
    }

    /** Where a report is staged: under its claimed name in the reports folder, else under its index. */
    private static Path staged(Path staging, int index, String claimed, ReportFormat f) {
        return claimed != null ? staging.resolve("reports").resolve(claimed + "." + f.extension)
                : staging.resolve(index + "." + f.extension);
    }

    private void assembleJunit(List<Numbered> rows, Path staging, Problem p) throws IOException {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"")
                .append(nngrade.report.Text.xmlAttribute(p.id())).append("\">\n");
        for (Numbered n : rows) {
            if (n.index() >= 0 && n.row().status() != RowStatus.DUPLICATE) {
                sb.append(Files.readString(staging.resolve(n.index() + ".junit"), StandardCharsets.UTF_8));
            }
        }
        sb.append("</testsuites>\n");
        AtomicFiles.writeUtf8(staging.resolve("junit.xml"), sb.toString());
    }

    /**
     * Moves everything from staging to its place: first every file is written beside its target
     * (so a target that cannot be written fails the run before anything is replaced), then the
     * reports folder and the files are renamed into place, the gradebook last.
     */
    private void publish(Problem p, List<ClassRow> rows, Path staging) throws IOException {
        ClassSummary summary = ClassStatistics.of(p, rows);
        StringWriter csv = new StringWriter();
        Gradebook.write(csv, p, rows);
        Map<Path, Path> prepared = new LinkedHashMap<>(); // target → its temporary file, in the order of renaming
        try {
            prepare(prepared, out.resolve("summary.json"), SummaryJson.render(summary));
            prepare(prepared, out.resolve("summary.html"), SummaryHtml.render(summary));
            if (junitXml != null) {
                prepare(prepared, junitXml, Files.readString(staging.resolve("junit.xml"), StandardCharsets.UTF_8));
            }
            if (gradescope != null) {
                prepare(prepared, gradescope, Files.readString(staging.resolve("gradescope.json"), StandardCharsets.UTF_8));
            }
            prepare(prepared, out.resolve("gradebook.csv"), csv.toString());
            try {
                AtomicFiles.replaceFolder(staging.resolve("reports"), out.resolve("reports"));
            } catch (IOException e) {
                throw cannotWrite(out.resolve("reports"), e);
            }
            for (Map.Entry<Path, Path> e : prepared.entrySet()) {
                try {
                    AtomicFiles.move(e.getValue(), e.getKey());
                } catch (IOException ex) {
                    throw cannotWrite(e.getKey(), ex);
                }
            }
        } finally {
            for (Path tmp : prepared.values()) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static void prepare(Map<Path, Path> prepared, Path target, String content) {
        try {
            prepared.put(target, AtomicFiles.prepare(target, content));
        } catch (IOException e) {
            throw cannotWrite(target, e);
        }
    }

    private static String summaryLine(List<ClassRow> rows) {
        Map<RowStatus, Integer> counts = new LinkedHashMap<>();
        for (ClassRow r : rows) {
            counts.merge(r.status(), 1, Integer::sum);
        }
        StringBuilder sb = new StringBuilder("Graded " + rows.size() + " rows:");
        String sep = " ";
        for (Map.Entry<RowStatus, Integer> e : counts.entrySet()) {
            sb.append(sep).append(e.getValue()).append(' ').append(e.getKey().label());
            sep = ", ";
        }
        return sb.toString();
    }

    private void appendStepSummary(Problem p, List<ClassRow> rows) {
        StepSummary.append(SummaryMarkdown.render(ClassStatistics.of(p, rows)));
    }


    /** A testsuite without the document around it, so suites can be assembled in id order. */
    private static final class JunitXmlFragment {
        private final StringWriter out;
        private final ReportOptions options;

        JunitXmlFragment(StringWriter out, ReportOptions options) {
            this.out = out;
            this.options = options;
        }

        void add(CheckResult r) {
            String doc = JunitXml.render(r, options);
            int start = doc.indexOf("  <testsuite ");
            int end = doc.lastIndexOf("</testsuites>");
            out.write(doc.substring(start, end));
        }
    }
}
