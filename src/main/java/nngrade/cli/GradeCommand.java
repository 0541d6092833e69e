package nngrade.cli;

import nngrade.grade.ClassGrading;
import nngrade.grade.ClassRow;
import nngrade.grade.FolderOutput;
import nngrade.grade.GradeRequest;
import nngrade.grade.IdSource;
import nngrade.grade.Layout;
import nngrade.grade.OutputGuard;
import nngrade.grade.Overrides;
import nngrade.grade.ReportFormat;
import nngrade.grade.RowStatus;
import nngrade.grade.SubmissionFile;
import nngrade.grade.SubmissionFinder;
import nngrade.grade.SubmissionFinder.Target;
import nngrade.report.ReportOptions;
import nngrade.report.SummaryMarkdown;
import nngrade.submission.OverridesReader;
import nngrade.submission.Roster;
import nngrade.submission.RosterReader;
import nngrade.variant.ProblemSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "grade",
        mixinStandardHelpOptions = true,
        version = Main.VERSION,
        description = "Grade a whole class: every JSON, CSV or XLSX submission in the INPUT files, folders and LMS "
                + "zips, into a gradebook, a report per student and a class summary in --out.",
        footer = ExitCode.HELP)
public final class GradeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROBLEM", description = "Problem file (JSON or YAML).")
    Path problem;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "INPUT",
            description = "Submission files, folders of them (*.json, *.csv, *.xlsx; searched recursively), or an "
                    + "LMS's zip of submissions as downloaded.")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the gradebook and reports.")
    Path out;

    @Option(names = "--layout", paramLabel = "LAYOUT", converter = LayoutConverter.class,
            description = "How the inputs say whose each file is: files (the file name is the id), folders (a folder "
                    + "per student, as GitHub Classroom clones them), moodle (its \"Download all submissions\"), "
                    + "canvas (its \"Download submissions\"), as folders or zips. Default: told from each input's names.")
    Layout layout;

    @Option(names = "--id-from", paramLabel = "SOURCE", converter = IdSourceConverter.class, defaultValue = "layout",
            description = "layout: the id is where a file sits, and a student field claiming another student's "
                    + "place flags the row; field: the id is the file's student field (for file names that carry no "
                    + "identity). Default: ${DEFAULT-VALUE}.")
    IdSource idFrom;

    @Option(names = "--roster", paramLabel = "CSV",
            description = "Class list: a CSV with an id column, Moodle's grading worksheet or Canvas's gradebook export. "
                    + "Students without a submission get a missing row, submissions from ids not on it an unknown row; "
                    + "a Moodle or Canvas file also comes back with the grades filled in (moodle-grades.csv, "
                    + "canvas-grades.csv in --out).")
    Path roster;

    @Option(names = "--lms-column", paramLabel = "NAME",
            description = "The assignment column of a Canvas export the grades go into (its header, name or id), "
                    + "when the export has several.")
    String lmsColumn;
    @Option(names = "--overrides", paramLabel = "CSV",
            description = "The teacher's decisions (a CSV with columns id, quantity or total, points, reason): a "
                    + "quantity's points or a student's total set by hand, shown in their report and the gradebook.")
    Path overrides;

    @Option(names = "--format", split = ",", defaultValue = "html", paramLabel = "FORMATS",
            description = "Reports per student: any of html, md, json, comma-separated. Default: ${DEFAULT-VALUE}.")
    List<ReportFormat> formats;

    @Option(names = "--jobs", defaultValue = "0", paramLabel = "N", converter = Jobs.class,
            description = "Parallel graders, at most 4 per core. Default: one per core.")
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

    @Mixin
    ToleranceOption tolerance;

    @Mixin
    LanguageOption language;

    @Mixin
    SecretOption secret;

    @Mixin
    StepSummary stepSummary;

    @Override
    public Integer call() throws InterruptedException, IOException {
        ProblemSource source = secret.source(problem);
        if (lmsColumn != null && roster == null) {
            throw new ParameterException(spec.commandLine(), "--lms-column: names a column of the --roster file, but no "
                    + "--roster was given");
        }
        Optional<Roster> classList = Optional.ofNullable(roster).map(r -> RosterReader.read(r, Optional.ofNullable(lmsColumn)));
        Overrides decisions = overrides == null ? Overrides.NONE
                : Overrides.of(OverridesReader.read(overrides, source.forStudent("").problem()));
        OutputGuard.refuse(out, inputs, List.of(new Target("--junit-xml", junitXml), new Target("--gradescope", gradescope)),
                List.of(new Target("PROBLEM", problem), new Target("--roster", roster), new Target("--overrides", overrides),
                        new Target("--secret-file", secret.secretFile)));
        try (SubmissionFinder.Found found = SubmissionFinder.find(inputs, List.of(new Target("--out", out),
                new Target("--junit-xml", junitXml), new Target("--gradescope", gradescope)),
                new SubmissionFinder.Options(Optional.ofNullable(layout), classList.map(Roster::ids), Optional.of(problem)))) {
            PrintWriter err = spec.commandLine().getErr();
            found.unreadable().forEach(line -> err.println("warning: " + line));
            if (!"UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding", "UTF-8"))
                    && found.files().stream().anyMatch(f -> f.source().indexOf('?') >= 0 || f.source().indexOf('\uFFFD') >= 0)) {
                err.println("warning: the locale decodes file names as " + System.getProperty("sun.jnu.encoding")
                        + ", so the paths in the outputs show ? for letters it cannot decode (the ids are read from the "
                        + "names' own bytes); run under a UTF-8 locale (LC_ALL=C.UTF-8), or with bin/nngrade, to see them");
            }
            int code = grade(source, classList, found.files(), decisions);
            // a part of the class that could not be read is for the teacher to look at, as an invalid file is
            return found.unreadable().isEmpty() ? code : Math.max(code, ExitCode.NOT_ALL_CORRECT);
        }
    }

    private int grade(ProblemSource source, Optional<Roster> classList, List<SubmissionFile> files,
                      Overrides decisions) throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (gradescope != null && files.size() != 1) { // GradeRequest refuses it too, but as a bug
            throw new ParameterException(spec.commandLine(), "--gradescope: Gradescope grades one submission at a time, but "
                    + files.size() + " were given");
        }
        GradeRequest request = new GradeRequest(source, files, idFrom, classList, tolerance.tolerance(),
                new ReportOptions(language.messages(), hideExpected, false, false), formats,
                junitXml != null, gradescope != null, jobs, decisions);
        boolean terminal = !quiet && System.console() != null;
        GradeProgress progress = new GradeProgress(err, terminal);
        ClassGrading.Outcome outcome;
        FolderOutput output = FolderOutput.create(out, junitXml, gradescope);
        try (output) {
            outcome = ClassGrading.run(request, output, progress);
        } finally {
            progress.finish();
        }
        output.leftover().ifPresent(why -> err.println("warning: " + why));
        if (terminal) {
            err.println(summaryLine(outcome) + " → " + out.resolve("gradebook.csv"));
        }
        stepSummary.append(SummaryMarkdown.render(outcome.summary()));
        return outcome.anyInvalidRow() || outcome.anyFlaggedRow() ? ExitCode.NOT_ALL_CORRECT : ExitCode.OK;
    }

    static final class LayoutConverter implements ITypeConverter<Layout> {
        @Override
        public Layout convert(String value) {
            return Layout.ofLabel(value).orElseThrow(() -> new TypeConversionException(
                    "expected files, folders, moodle or canvas, found '" + value + "'"));
        }
    }

    static final class IdSourceConverter implements ITypeConverter<IdSource> {
        @Override
        public IdSource convert(String value) {
            return IdSource.ofLabel(value).orElseThrow(() -> new TypeConversionException(
                    "expected layout or field, found '" + value + "'"));
        }
    }

    private static String summaryLine(ClassGrading.Outcome outcome) {
        StringBuilder sb = new StringBuilder("Graded " + outcome.rows().size() + " rows:");
        String sep = " ";
        for (Map.Entry<RowStatus, Integer> e : outcome.counts().entrySet()) {
            sb.append(sep).append(e.getValue()).append(' ').append(e.getKey().label());
            sep = ", ";
        }
        long flagged = outcome.rows().stream().filter(ClassRow::flagged).count();
        if (flagged > 0) {
            sb.append(" (").append(flagged).append(" to look at)");
        }
        return sb.toString();
    }
}
