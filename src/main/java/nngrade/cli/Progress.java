package nngrade.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar on a terminal's stderr: count, rate, time left. */
final class Progress {
    private final PrintWriter err;
    private final boolean enabled;
    private final int total;
    private final long start = System.nanoTime();
    private long lastDraw;

    Progress(PrintWriter err, boolean enabled, int total) {
        this.err = err;
        this.enabled = enabled;
        this.total = total;
    }

    /** Redraws at most five times a second. */
    void update(int done) {
        if (!enabled) {
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

    void finish() {
        if (enabled) {
            err.print("\r" + " ".repeat(72) + "\r");
            err.flush();
        }
    }
}
