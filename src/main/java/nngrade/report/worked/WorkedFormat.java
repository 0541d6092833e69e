package nngrade.report.worked;

import nngrade.report.Messages;

import java.util.Optional;

/** The formats a worked solution is written in, each with the file extension it is saved with. */
public enum WorkedFormat {
    HTML("html") {
        @Override
        public String render(WorkedSolution w, Messages m, Optional<String> student) {
            return WorkedHtml.render(w, m, student);
        }
    },
    MARKDOWN("md") {
        @Override
        public String render(WorkedSolution w, Messages m, Optional<String> student) {
            return WorkedMarkdown.render(w, m, student);
        }
    },
    LATEX("tex") {
        @Override
        public String render(WorkedSolution w, Messages m, Optional<String> student) {
            return WorkedLatex.render(w, m, student);
        }
    };

    private final String extension;

    WorkedFormat(String extension) {
        this.extension = extension;
    }

    /** The file extension, without the dot: {@code html}, {@code md}, {@code tex}. */
    public String extension() {
        return extension;
    }

    /** The whole document, naming {@code student}, when given, after the statement (before the given values). */
    public abstract String render(WorkedSolution w, Messages m, Optional<String> student);
}
