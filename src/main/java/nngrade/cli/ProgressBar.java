package nngrade.cli;

import nngrade.grade.Progress;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar on a terminal's stderr: count, rate, time left. */
final class ProgressBar implements Progress {
    private final PrintWriter err;
    private final long start = System.nanoTime();
    private long lastDraw;

    ProgressBar(PrintWriter err) {
        this.err = err;
    }

    /** Redraws at most five times a second. */
    @Override
    public void update(int done, int total) {
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

    /** Clears the bar's line. */
    void finish() {
        err.print("\r" + " ".repeat(72) + "\r");
        err.flush();
    }
}
