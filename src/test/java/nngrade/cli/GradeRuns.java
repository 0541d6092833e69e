package nngrade.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Shared fixtures for the {@code nngrade grade} tests: running the CLI, building submissions, snapshots. */
final class GradeRuns {
    static final String NOTES = "problems/notes-softmax-step.json";
    static final Path SAMPLES = Path.of("submissions-sample");
    static final ObjectMapper JSON = new ObjectMapper();
    /** The asked quantities of notes-softmax-step, in the problem's order (the gradebook's columns). */
    static final List<String> ASKED = List.of("z1", "yhat", "loss", "dz1", "dW1", "db1", "W1_next", "b1_next");

    private GradeRuns() {
    }

    record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    /** {@code nngrade ARGS...} through {@link Main#run}. */
    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** {@code nngrade grade ARGS...}. */
    static Run grade(Object... args) {
        List<String> all = new ArrayList<>();
        all.add("grade");
        for (Object a : args) {
            all.add(a.toString());
        }
        return run(all.toArray(String[]::new));
    }

    /**
     * Writes {@code dir/fileName}: the answers of a sample submission under another student id
     * (null: no student field, so the id comes from the file name).
     */
    static Path submission(Path dir, String fileName, String sample, String student) {
        try {
            ObjectNode doc = (ObjectNode) JSON.readTree(SAMPLES.resolve(sample).toFile());
            if (student == null) {
                doc.remove("student");
            } else {
                doc.put("student", student);
            }
            Files.createDirectories(dir);
            Path f = dir.resolve(fileName);
            Files.writeString(f, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc), StandardCharsets.UTF_8);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void setModified(Path f, String instant) {
        try {
            Files.setLastModifiedTime(f, FileTime.from(Instant.parse(instant)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** gradebook.csv as records, header included (record 0). */
    static List<CSVRecord> gradebook(Path out) {
        try (CSVParser p = CSVFormat.RFC4180.parse(new StringReader(
                Files.readString(out.resolve("gradebook.csv"), StandardCharsets.UTF_8)))) {
            return p.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The gradebook's rows as maps from its header's column names: tests that do not depend on where a column is. */
    static List<Map<String, String>> gradebookRows(Path out) {
        List<CSVRecord> records = gradebook(out);
        List<String> header = records.get(0).toList();
        List<Map<String, String>> rows = new ArrayList<>();
        for (CSVRecord r : records.subList(1, records.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), r.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * Every file and folder under {@code root} (hidden ones included) → a fingerprint: size,
     * modification time and SHA-256 of the contents for a file, "dir" for a folder.
     */
    static Map<String, String> snapshot(Path root) {
        Map<String, String> snap = new TreeMap<>();
        if (!Files.exists(root)) {
            return snap;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                String rel = root.relativize(p).toString();
                if (Files.isDirectory(p)) {
                    snap.put(rel + "/", "dir");
                } else {
                    byte[] bytes = Files.readAllBytes(p);
                    snap.put(rel, bytes.length + " bytes, modified " + Files.getLastModifiedTime(p)
                            + ", sha256 " + sha256(bytes));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return snap;
    }

    /** Every regular file under {@code root} → its bytes, keyed by path relative to root. */
    static Map<String, byte[]> contents(Path root) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
