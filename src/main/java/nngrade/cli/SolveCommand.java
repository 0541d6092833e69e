package nngrade.cli;

import nngrade.problem.Problem;
import nngrade.report.Answers;
import nngrade.report.KeyText;
import nngrade.report.SubmissionWriter;
import nngrade.solve.AnswerKey;
import nngrade.variant.ProblemSource;
import nngrade.variant.Variants;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "solve",
        mixinStandardHelpOptions = true,
        version = Main.VERSION,
        description = "Print the answer key of a problem: every quantity of the forward pass, the loss, "
                + "the backward pass and one gradient-descent step.",
        footer = ExitCode.HELP)
public final class SolveCommand implements Callable<Integer> {

    enum Format { text, json, csv }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROBLEM", description = "Problem file (JSON or YAML).")
    Path problem;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (for a teacher, with formulas), json or csv (submission documents "
                    + "that grade 100%%). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--ask-only", description = "Only the quantities the problem asks for.")
    boolean askOnly;

    @Option(names = "--student", paramLabel = "ID", description = "The student whose variant to solve "
            + "(problems with random given values).")
    String student;

    @Mixin
    SecretOption secret;

    @Override
    public Integer call() {
        ProblemSource source = secret.source(problem);
        Variants.Variant variant = student != null ? source.forStudent(student) : source.shared()
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "--student: " + source.file().source()
                        + " draws values per student: give --student ID"));
        Problem p = variant.problem();
        AnswerKey key = variant.key();
        if (askOnly) {
            key = key.restrictedTo(p.ask());
        }
        String text = switch (format) {
            case text -> KeyText.render(key);
            case json -> SubmissionWriter.json(Answers.of(key));
            case csv -> SubmissionWriter.csvLong(Answers.of(key));
        };
        spec.commandLine().getOut().print(text);
        return ExitCode.OK;
    }
}
