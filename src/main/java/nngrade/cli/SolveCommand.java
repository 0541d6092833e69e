package nngrade.cli;

import nngrade.problem.Problem;
import nngrade.report.Answers;
import nngrade.report.KeyText;
import nngrade.report.Messages;
import nngrade.report.SubmissionWriter;
import nngrade.report.worked.WorkedFormat;
import nngrade.report.worked.WorkedSolutions;
import nngrade.solve.AnswerKey;
import nngrade.variant.ProblemSource;
import nngrade.variant.Variants;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "solve",
        mixinStandardHelpOptions = true,
        version = Main.VERSION,
        description = "Print the answer key of a problem: every quantity of the forward pass, the loss, "
                + "the backward pass and one gradient-descent step.",
        footer = ExitCode.HELP)
public final class SolveCommand implements Callable<Integer> {

    enum Format {
        text("text", null), json("json", null), csv("csv", null), worked_html("worked-html", WorkedFormat.HTML),
        worked_md("worked-md", WorkedFormat.MARKDOWN), latex("latex", WorkedFormat.LATEX);

        final String label;
        /** The worked solution's format, null for the answer key's. */
        final WorkedFormat worked;

        Format(String label, WorkedFormat worked) {
            this.label = label;
            this.worked = worked;
        }
    }

    /** A format by its label ({@code worked-md}), with the labels in the message of a wrong one. */
    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            for (Format f : Format.values()) {
                if (f.label.equals(value)) {
                    return f;
                }
            }
            String[] labels = Arrays.stream(Format.values()).map(f -> f.label).toArray(String[]::new);
            String expected = Arrays.stream(labels, 0, labels.length - 1).collect(Collectors.joining(", "))
                    + " or " + labels[labels.length - 1];
            throw new TypeConversionException("expected " + expected + ", found '" + value + "'");
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROBLEM", description = "Problem file (JSON or YAML).")
    Path problem;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "text (for a teacher, with formulas), json or csv (submission documents "
                    + "that grade 100%%), worked-html (the worked solution, as the lecture notes write one: "
                    + "a page with MathML math, printable on A4, in --lang's language), worked-md (the same "
                    + "as Markdown with $…$ math), latex (the same as a LaTeX document for pdflatex). "
                    + "Default: text.")
    Format format;

    @Option(names = "--ask-only", description = "Only the quantities the problem asks for.")
    boolean askOnly;

    @Option(names = "--student", paramLabel = "ID", description = "The student whose variant to solve "
            + "(problems with random given values).")
    String student;

    @Mixin
    SecretOption secret;

    @Option(names = "--lang", paramLabel = "LANG", description = "Language of the worked solutions (worked-html, "
            + "worked-md, latex): en or ro. " + LanguageOption.DEFAULT + " The text key is in English whatever --lang "
            + "says; json and csv have no language.")
    Messages.Lang lang;

    @Override
    public Integer call() {
        ProblemSource source = secret.source(problem);
        Variants.Variant variant = student != null ? source.forStudent(student) : source.shared()
                .orElseThrow(() -> new ParameterException(spec.commandLine(), "--student: " + source.file().source()
                        + " draws values per student: give --student ID"));
        Problem p = variant.problem();
        AnswerKey key = variant.key();
        if (format.worked != null) {
            Messages m = LanguageOption.messages(lang);
            var worked = WorkedSolutions.of(key, m.words());
            spec.commandLine().getOut().print(format.worked.render(worked, m, Optional.ofNullable(student)));
            return ExitCode.OK;
        }
        if (askOnly) {
            key = key.restrictedTo(p.ask());
        }
        String text = switch (format) {
            case text -> KeyText.render(key);
            case json -> SubmissionWriter.json(Answers.of(key));
            case csv -> SubmissionWriter.csvLong(Answers.of(key));
            case worked_html, worked_md, latex -> throw new IllegalStateException("written above");
        };
        spec.commandLine().getOut().print(text);
        return ExitCode.OK;
    }
}
