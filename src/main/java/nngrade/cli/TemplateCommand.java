package nngrade.cli;

import nngrade.problem.Problem;
import nngrade.problem.ProblemFile;
import nngrade.problem.ProblemLoader;
import nngrade.report.Answers;
import nngrade.report.SubmissionWriter;
import nngrade.variant.ProblemSource;
import nngrade.variant.Secret;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "template",
        mixinStandardHelpOptions = true,
        version = Main.VERSION,
        description = "Print a blank answer sheet: every asked quantity under its exact name and in its shape.",
        footer = ExitCode.HELP)
public final class TemplateCommand implements Callable<Integer> {

    enum Format { json, csv, csv_compact }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROBLEM", description = "Problem file (JSON or YAML).")
    Path problem;

    @Option(names = "--format", defaultValue = "json", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "json (null marks a blank), csv (long layout, empty values) or csv-compact (_ marks a blank). "
                    + "Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--student", paramLabel = "ID",
            description = "Fill in the student field (JSON) and, for a problem drawn per student, the code of "
                    + "their variant (needs the secret).")
    String student;

    @Mixin
    SecretOption secret;

    /** Draws values that are never shown: only the shapes of a variant problem are used. */
    private static final Secret SHAPES_ONLY = Secret.of("nngrade-template-shapes");

    @Override
    public Integer call() {
        Secret given = secret.secret(); // a bad secret file is told first, as by every command
        ProblemFile file = ProblemLoader.read(problem);
        // Shapes do not depend on the values, so a variant problem's template needs no secret.
        ProblemSource source = new ProblemSource(file, SHAPES_ONLY);
        Problem p = source.shared().orElseGet(() -> source.forStudent(student == null ? "" : student)).problem();
        String code = null;
        if (student != null && source.perStudent()) {
            if (given == null) {
                spec.commandLine().getErr().println("template: without the secret (--secret-file FILE or NNGRADE_SECRET) "
                        + "the template carries no variant code");
            } else {
                code = new ProblemSource(file, given).variantCode(student).orElseThrow();
            }
        }
        Answers blank = Answers.blank(p);
        if (student != null) {
            blank = blank.forStudent(student, code);
        }
        String text = switch (format) {
            case json -> SubmissionWriter.json(blank);
            case csv -> SubmissionWriter.csvLong(blank);
            case csv_compact -> SubmissionWriter.csvCompact(blank);
        };
        spec.commandLine().getOut().print(text);
        return ExitCode.OK;
    }

    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return Format.valueOf(value.replace('-', '_'));
        }
    }
}
