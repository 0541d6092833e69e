package nngrade.cli;

import nngrade.grade.AtomicFiles;
import nngrade.grade.FileNames;
import nngrade.grade.FolderOutput;
import nngrade.input.BadInputException;
import nngrade.input.InputError;
import nngrade.report.Messages;
import nngrade.report.TaskSheet;
import nngrade.report.worked.WorkedFormat;
import nngrade.report.worked.WorkedSolutions;
import nngrade.serve.Links;
import nngrade.submission.RosterReader;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "sheets",
        mixinStandardHelpOptions = true,
        version = Main.VERSION,
        description = "One task sheet per student of a roster, each with the student's own values; "
                + "with --solutions, one worked solution per student instead.",
        footer = ExitCode.HELP)
public final class SheetsCommand implements Callable<Integer> {

    /** The task sheet's formats, and the worked solution's each stands for under --solutions. */
    enum Format {
        html(WorkedFormat.HTML), markdown(WorkedFormat.MARKDOWN), latex(WorkedFormat.LATEX);

        final WorkedFormat worked;

        Format(WorkedFormat worked) {
            this.worked = worked;
        }
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROBLEM", description = "Problem file (JSON or YAML).")
    Path problem;

    @Option(names = "--roster", required = true, paramLabel = "CSV", description = "Class list: a CSV with an id column.")
    Path roster;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the sheets.")
    Path out;

    @Option(names = "--format", defaultValue = "html", paramLabel = "FORMAT",
            description = "html or markdown; with --solutions also latex. Default: ${DEFAULT-VALUE}.")
    Format format;

    // picocli wraps after a dot too ("ID-solution.", "tex"): the file names are where no line ends (SheetsSolutionsTest)
    @Option(names = "--solutions", description = "Instead of a task sheet, write each student's worked solution "
            + "(their own numbers, as solve --format worked-html, worked-md or latex writes it) to the file "
            + "ID-solution.html, ID-solution.md or ID-solution.tex.")
    boolean solutions;

    @Option(names = "--lang", paramLabel = "LANG", description = "Language of the worked solutions (--solutions): "
            + "en or ro. " + LanguageOption.DEFAULT + " Task sheets are in English whatever --lang says (nngrade "
            + "serve shows them in each student's language).")
    Messages.Lang lang;

    @Mixin
    SecretOption secret;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The address of nngrade serve as students reach it: each sheet then carries the student's own link.")
    String baseUrl;

    @Override
    public Integer call() throws Exception {
        ProblemSource source = secret.source(problem);
        if (solutions) {
            return solutions(source);
        }
        if (format == Format.latex) {
            throw new ParameterException(spec.commandLine(), "--format latex: task sheets are html or markdown; "
                    + "latex is for --solutions");
        }
        String base = baseUrl == null ? null : Links.baseUrl(baseUrl);
        Set<String> ids = students();
        FolderOutput.makeFolder(out);
        for (String id : ids) {
            Variants.Variant v = source.forStudent(id);
            String code = source.variantCode(id).orElse(null);
            String link = base == null ? null : Links.url(base, secret.secret(), id);
            String text = format == Format.html ? TaskSheet.html(v.problem(), id, code, link)
                    : TaskSheet.markdown(v.problem(), id, code, link);
            AtomicFiles.write(out.resolve(FileNames.safe(id) + (format == Format.html ? ".html" : ".md")), text);
        }
        spec.commandLine().getErr().println(LanguageOption.messages(lang).get("sheets.wrote", ids.size(), out.toString()));
        return ExitCode.OK;
    }

    /**
     * The roster's ids. A roster of no students (a header alone) is refused as grade refuses an empty one:
     * "Wrote 0 sheets" would hide that the wrong file was given.
     */
    private Set<String> students() {
        Set<String> ids = RosterReader.read(roster).ids();
        if (ids.isEmpty()) {
            throw new BadInputException(InputError.inFile(roster.toString(),
                    "lists no students; expected a row for each student below the header"));
        }
        return ids;
    }

    /** A worked solution per student, each of their own variant; checked before anything is written. */
    private int solutions(ProblemSource source) throws java.io.IOException {
        if (baseUrl != null) {
            throw new ParameterException(spec.commandLine(), "--base-url: a solution sheet carries no link; "
                    + "leave out --base-url with --solutions");
        }
        Set<String> ids = students();
        FolderOutput.makeFolder(out);
        Messages m = LanguageOption.messages(lang);
        for (String id : ids) {
            var worked = WorkedSolutions.of(source.forStudent(id).key(), m.words());
            AtomicFiles.write(out.resolve(FileNames.safe(id) + "-solution." + format.worked.extension()),
                    format.worked.render(worked, m, Optional.of(id)));
        }
        spec.commandLine().getErr().println(m.get("sheets.wrote-solutions", ids.size(), out.toString()));
        return ExitCode.OK;
    }
}
