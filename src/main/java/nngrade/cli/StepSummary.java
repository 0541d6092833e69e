package nngrade.cli;

import nngrade.grade.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** GitHub Actions' job summary: Markdown appended to the file GITHUB_STEP_SUMMARY names. */
final class StepSummary {
    private StepSummary() {
    }

    static void append(String markdown) {
        String path = System.getenv("GITHUB_STEP_SUMMARY");
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
