package nngrade.cli;

import nngrade.grade.AtomicFiles;
import nngrade.grade.FileNames;
import nngrade.report.TaskSheet;
import nngrade.serve.Links;
import nngrade.submission.RosterReader;
import nngrade.variant.ProblemSource;
import nngrade.variant.Variants;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "sheets",
        mixinStandardHelpOptions = true,
        version = Main.VERSION,
        description = "One task sheet per student of a roster, each with the student's own values.",
        footer = ExitCode.HELP)
public final class SheetsCommand implements Callable<Integer> {

    enum Format { html, markdown }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROBLEM", description = "Problem file (JSON or YAML).")
    Path problem;

    @Option(names = "--roster", required = true, paramLabel = "CSV", description = "Class list: a CSV with an id column.")
    Path roster;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the sheets.")
    Path out;

    @Option(names = "--format", defaultValue = "html", paramLabel = "FORMAT",
            description = "html or markdown. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Mixin
    SecretOption secret;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The address of nngrade serve as students reach it: each sheet then carries the student's own link.")
    String baseUrl;

    @Override
    public Integer call() throws Exception {
        ProblemSource source = secret.source(problem);
        String base = baseUrl == null ? null : Links.baseUrl(baseUrl);
        Set<String> ids = RosterReader.read(roster).ids();
        Files.createDirectories(out);
        for (String id : ids) {
            Variants.Variant v = source.forStudent(id);
            String code = source.variantCode(id).orElse(null);
            String link = base == null ? null : Links.url(base, secret.secret(), id);
            String text = format == Format.html ? TaskSheet.html(v.problem(), id, code, link)
                    : TaskSheet.markdown(v.problem(), id, code, link);
            AtomicFiles.write(out.resolve(FileNames.safe(id) + (format == Format.html ? ".html" : ".md")), text);
        }
        spec.commandLine().getErr().println("Wrote " + ids.size() + " sheets to " + out);
        return ExitCode.OK;
    }
}
