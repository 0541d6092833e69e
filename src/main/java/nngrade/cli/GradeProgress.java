package nngrade.cli;

import nngrade.grade.ClassRow;
import nngrade.grade.Progress;
import nngrade.input.Excerpts;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * grade's messages while it runs, on stderr: on a terminal a one-line progress bar (count,
 * rate, time left); always, once grading is done, a line per file that could not be graded.
 */
final class GradeProgress implements Progress {
    private final PrintWriter err;
    private final boolean bar;
    private final long start = System.nanoTime();
    private long lastDraw;

    GradeProgress(PrintWriter err, boolean bar) {
        this.err = err;
        this.bar = bar;
    }

    /** Redraws at most five times a second. */
    @Override
    public void update(int done, int total) {
        if (!bar) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < 200_000_000L && done < total) {
            return;
        }
        lastDraw = now;
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        double rate = done / seconds;
        long left = rate > 0 ? Math.round((total - done) / rate) : 0;
        int width = 30;
        int filled = total == 0 ? width : (int) ((long) width * done / total);
        err.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d  %.0f/s  %d:%02d left ",
                "#".repeat(filled), " ".repeat(width - filled), done, total, rate, left / 60, left % 60));
        err.flush();
    }

    @Override
    public void invalidFiles(List<ClassRow> rows) {
        finish();
        for (ClassRow r : rows) {
            err.println(Excerpts.escaped(r.file() + ": invalid: " + r.note()));
        }
    }

    @Override
    public void flaggedRows(List<ClassRow> rows) {
        finish();
        for (ClassRow r : rows) {
            err.println(Excerpts.escaped(r.file() + ": look at this: " + r.note()));
        }
    }

    @Override
    public void warning(String line) {
        finish();
        err.println("warning: " + Excerpts.escaped(line));
    }

    /** Clears the bar's line. */
    void finish() {
        if (bar && lastDraw != 0) {
            err.print("\r" + " ".repeat(72) + "\r");
            err.flush();
            lastDraw = 0;
        }
    }
}
