package nngrade.cli;

import nngrade.grade.AtomicFiles;
import nngrade.input.Excerpts;
import nngrade.input.IoReasons;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * GitHub Actions' job summary: Markdown appended to the file GITHUB_STEP_SUMMARY names, unless
 * {@code --no-step-summary} (a job that runs nngrade for its own checks, or on samples). The summary
 * is a courtesy: a file that cannot be written is a warning on stderr, and the run's exit code
 * stays the grading's (the gradebook is written by then).
 */
public final class StepSummary {
    @Option(names = "--no-step-summary",
            description = "Do not append the result to GitHub Actions' job summary (GITHUB_STEP_SUMMARY).")
    boolean off;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    void append(String markdown) {
        String path = System.getenv("GITHUB_STEP_SUMMARY");
        if (off) {
            return;
        }
        if (path == null || path.isBlank()) {
            return;
        }
        String why;
        try {
            AtomicFiles.writeUtf8(Path.of(path), markdown + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return;
        } catch (IOException e) {
            why = IoReasons.reason(e);
        } catch (InvalidPathException e) {
            why = "not a file name";
        }
        command.commandLine().getErr().println("warning: the job summary (GITHUB_STEP_SUMMARY) was not written: "
                + Excerpts.escaped(path) + ": " + why);
    }
}
