package nngrade.cli;

import nngrade.grade.AtomicFiles;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * GitHub Actions' job summary: Markdown appended to the file GITHUB_STEP_SUMMARY names, unless
 * {@code --no-step-summary} (a job that runs nngrade for its own checks, or on samples).
 */
public final class StepSummary {
    @Option(names = "--no-step-summary",
            description = "Do not append the result to GitHub Actions' job summary (GITHUB_STEP_SUMMARY).")
    boolean off;

    void append(String markdown) {
        String path = System.getenv("GITHUB_STEP_SUMMARY");
        if (off) {
            return;
        }
        if (path == null || path.isBlank()) {
            return;
        }
        try {
            AtomicFiles.writeUtf8(Path.of(path), markdown + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
