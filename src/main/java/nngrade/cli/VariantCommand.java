package nngrade.cli;

import nngrade.report.Json;
import nngrade.report.TaskSheet;
import nngrade.variant.ProblemSource;
import nngrade.variant.Variants;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "variant",
        mixinStandardHelpOptions = true,
        version = Main.VERSION,
        description = "A student's own version of a problem with random given values: as a problem file with "
                + "the values filled in (json), or as a printable task sheet (markdown, html).",
        footer = ExitCode.HELP)
public final class VariantCommand implements Callable<Integer> {

    enum Format { json, markdown, html }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROBLEM", description = "Problem file (JSON or YAML).")
    Path problem;

    @Option(names = "--student", required = true, paramLabel = "ID", description = "The student.")
    String student;

    @Option(names = "--format", defaultValue = "json", paramLabel = "FORMAT",
            description = "json (a problem file solve and check accept), markdown or html. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Mixin
    SecretOption secret;

    @Override
    public Integer call() throws Exception {
        ProblemSource source = secret.source(problem);
        Variants.Variant v = source.forStudent(student);
        String code = source.variantCode(student).orElse(null);
        String text = switch (format) {
            case json -> Json.pretty(Json.withVariantCode(v.file().root(), code));
            case markdown -> TaskSheet.markdown(v.problem(), student, code);
            case html -> TaskSheet.html(v.problem(), student, code);
        };
        spec.commandLine().getOut().print(text);
        return ExitCode.OK;
    }
}
