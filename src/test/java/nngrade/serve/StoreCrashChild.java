package nngrade.serve;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The child JVM of {@link StoreCrashTest}: records attempts from several threads until it is
 * killed, printing "student number" for each once record() has returned (acknowledged).
 * Arguments: the data folder or a jdbc:postgresql URL, then the number of threads.
 */
public final class StoreCrashChild {
    private StoreCrashChild() {
    }

    public static void main(String[] args) {
        String db = args[0];
        int threads = Integer.parseInt(args[1]);
        AttemptStore store = db.startsWith("jdbc:") ? AttemptStore.open(db, null) : AttemptStore.open(null, Path.of(db));
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        out.println("ready");
        for (int t = 0; t < threads; t++) {
            String student = "s" + (t % 3);
            Thread worker = new Thread(() -> {
                for (int i = 0; ; i++) {
                    int n = store.record(new Check(student, "p1", "", Instant.now(), new byte[] {(byte) i}, "application/json",
                            i % 10, 10, "{}", Map.of("dW1", List.of("transposed"))));
                    synchronized (out) {
                        out.println(student + " " + n);
                    }
                }
            });
            worker.start();
        }
    }
}
