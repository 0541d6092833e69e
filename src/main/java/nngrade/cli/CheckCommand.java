package nngrade.cli;

import nngrade.check.CheckResult;
import nngrade.check.Checker;
import nngrade.grade.Ids;
import nngrade.input.BadInputException;
import nngrade.input.Excerpts;
import nngrade.problem.Problem;
import nngrade.report.CheckJson;
import nngrade.report.CheckMarkdown;
import nngrade.report.CheckText;
import nngrade.report.ReportOptions;
import nngrade.solve.AnswerKey;
import nngrade.submission.Submission;
import nngrade.submission.SubmissionReader;
import nngrade.variant.ProblemSource;
import nngrade.variant.VariantCode;
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
        version = Main.VERSION,
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

    @Mixin
    ToleranceOption tolerance;

    @Mixin
    LanguageOption language;

    @Mixin
    ColorOption color;

    @Mixin
    SecretOption secret;

    @Mixin
    StepSummary stepSummary;

    @Override
    public Integer call() {
        ProblemSource source = secret.source(problem);
        ReportOptions options = new ReportOptions(language.messages(), hideExpected, allCells,
                format == Format.text && color.enabled());
        CheckResult result;
        int code;
        // The variant is the student's: who they are must be known before their answers are read.
        Submission s = null;
        BadInputException unreadable = null;
        String id = student;
        try {
            s = SubmissionReader.read(submission, source.forStudent(id == null ? "" : id).problem());
        } catch (BadInputException e) {
            unreadable = e;
        }
        if (id == null) {
            id = s != null && s.student() != null && !s.student().isBlank() ? s.student() : Ids.fromFileName(submission);
        }
        Problem p = source.forStudent(id).problem();
        AnswerKey key = source.forStudent(id).key();
        try {
            if (unreadable != null) {
                throw unreadable;
            }
            result = Checker.check(key, s, tolerance.tolerance().orElse(null), id);
            code = result.allCorrect() ? ExitCode.OK : ExitCode.NOT_ALL_CORRECT;
            String own = source.variantCode(id).orElse(null);
            if (own != null && s.variant() != null && !VariantCode.matches(s.variant(), own)) {
                // not an error: the numbers may be right for the sheet the student was given
                String carried = VariantCode.read(s.variant()).orElse("\"" + Excerpts.shown(s.variant()) + "\"");
                result = result.withNote(options.messages().get("note.variant", carried, own, id));
            }
        } catch (BadInputException e) {
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
        stepSummary.append(format == Format.markdown ? out : CheckMarkdown.render(result,
                new ReportOptions(options.messages(), hideExpected, false, false)));
        return code;
    }
}
