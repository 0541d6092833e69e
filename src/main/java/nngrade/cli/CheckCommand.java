package nngrade.cli;

import nngrade.check.CheckResult;
import nngrade.check.Checker;
import nngrade.problem.BadInputException;
import nngrade.problem.Problem;
import nngrade.problem.ProblemLoader;
import nngrade.problem.Tolerance;
import nngrade.report.CheckJson;
import nngrade.report.CheckMarkdown;
import nngrade.report.CheckText;
import nngrade.report.ReportOptions;
import nngrade.solve.AnswerKey;
import nngrade.solve.Solver;
import nngrade.submission.Submission;
import nngrade.submission.SubmissionReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = "Grade one submission (JSON, or CSV in the long or compact layout) against a problem's "
                + "answer key, and say what is right, what is wrong and what to re-check.",
        footer = ExitCode.HELP)
public final class CheckCommand implements Callable<Integer> {

    enum Format { text, json, markdown }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROBLEM", description = "Problem file (JSON or YAML).")
    Path problem;

    @Parameters(index = "1", paramLabel = "SUBMISSION", description = "The answers: JSON or CSV.")
    Path submission;

    @Option(names = "--student", paramLabel = "ID",
            description = "Student id for the report. Default: the file's \"student\" field, else its name.")
    String student;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text, json (the check report of the spec) or markdown. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--hide-expected", description = "Do not show the expected values, only which cells are wrong.")
    boolean hideExpected;

    @Option(names = "--all-cells", description = "List every cell, not only the wrong ones.")
    boolean allCells;

    @Option(names = "--tolerance", paramLabel = "SPEC",
            description = "Replace the problem's default tolerance, e.g. decimals=2, sigfigs=3, absolute=0.01, "
                    + "relative=0.01, or absolute=0.01,relative=0.01.")
    String tolerance;

    @Mixin
    LanguageOption language;

    @Mixin
    ColorOption color;

    @Override
    public Integer call() {
        Tolerance override = tolerance == null ? null : ProblemLoader.parseTolerance(tolerance);
        Problem p = ProblemLoader.load(problem);
        AnswerKey key = Solver.solve(p);
        ReportOptions options = new ReportOptions(language.messages(), hideExpected, allCells,
                format == Format.text && color.enabled());
        CheckResult result;
        int code;
        try {
            Submission s = SubmissionReader.read(submission, p);
            String id = student != null ? student : s.student() != null ? s.student() : Ids.fromFileName(submission);
            result = Checker.check(key, s, override, id);
            code = result.allCorrect() ? ExitCode.OK : ExitCode.NOT_ALL_CORRECT;
        } catch (BadInputException e) {
            String id = student != null ? student : Ids.fromFileName(submission);
            result = CheckResult.invalid(p, id, submission.toString(), e.errors());
            code = ExitCode.BAD_INPUT;
            if (format != Format.text) {
                PrintWriter err = spec.commandLine().getErr();
                e.errors().forEach(x -> err.println(x.oneLine()));
            }
        }
        String out = switch (format) {
            case text -> CheckText.render(result, options);
            case json -> CheckJson.render(result, options);
            case markdown -> CheckMarkdown.render(result, options);
        };
        spec.commandLine().getOut().print(out);
        return code;
    }
}
