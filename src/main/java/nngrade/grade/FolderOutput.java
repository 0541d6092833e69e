package nngrade.grade;

import nngrade.input.BadInputException;
import nngrade.input.InputError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The class run's output folder ({@code --out}): gradebook.csv, summary.json, summary.html and
 * reports/ inside it, JUnit XML and Gradescope's results.json where their options say. Staging
 * is a hidden folder inside the output folder, so publishing is a rename on one file system.
 */
public final class FolderOutput implements Output {
    private final Path out;
    private final Path staging;
    private final Map<Artifact, Path> targets = new EnumMap<>(Artifact.class);

    /** @param junitXml the JUnit XML file, or null; @param gradescope results.json, or null */
    public FolderOutput(Path out, Path junitXml, Path gradescope) {
        this.out = out;
        targets.put(Artifact.SUMMARY_JSON, out.resolve("summary.json"));
        targets.put(Artifact.SUMMARY_HTML, out.resolve("summary.html"));
        if (junitXml != null) {
            targets.put(Artifact.JUNIT_XML, junitXml);
        }
        if (gradescope != null) {
            targets.put(Artifact.GRADESCOPE, gradescope);
        }
        targets.put(Artifact.GRADEBOOK, out.resolve("gradebook.csv"));
        try {
            Files.createDirectories(out);
            staging = Files.createTempDirectory(out, ".nngrade-staging-");
            Files.createDirectories(staging.resolve("reports"));
        } catch (IOException e) {
            throw cannotWrite(out, e);
        }
    }

    @Override
    public void stage(String name, String text) {
        try {
            AtomicFiles.writeUtf8(staging.resolve(name), text);
        } catch (IOException e) { // a full disk, say
            throw cannotWrite(out, e);
        }
    }

    @Override
    public void restage(String from, String to) {
        try {
            AtomicFiles.move(staging.resolve(from), staging.resolve(to));
        } catch (IOException e) {
            throw cannotWrite(out, e);
        }
    }

    @Override
    public String staged(String name) {
        try {
            return Files.readString(staging.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw cannotWrite(out, e);
        }
    }

    @Override
    public void publish(Map<Artifact, String> artifacts) {
        Map<Path, Path> prepared = new LinkedHashMap<>(); // target → its temporary file, in the order of renaming
        try {
            for (Map.Entry<Artifact, String> a : new EnumMap<>(artifacts).entrySet()) {
                Path target = targets.get(a.getKey());
                try {
                    prepared.put(target, AtomicFiles.prepare(target, a.getValue()));
                } catch (IOException e) {
                    throw cannotWrite(target, e);
                }
            }
            try {
                AtomicFiles.replaceFolder(staging.resolve("reports"), out.resolve("reports"));
            } catch (IOException e) {
                throw cannotWrite(out.resolve("reports"), e);
            }
            for (Map.Entry<Path, Path> e : prepared.entrySet()) {
                try {
                    AtomicFiles.move(e.getValue(), e.getKey());
                } catch (IOException ex) {
                    throw cannotWrite(e.getKey(), ex);
                }
            }
        } finally {
            for (Path tmp : prepared.values()) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) { // a leftover hidden temporary file; the run's outcome stands
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            AtomicFiles.deleteTree(staging);
        } catch (IOException e) {
            throw cannotWrite(staging, e);
        }
    }

    private static BadInputException cannotWrite(Path target, IOException e) {
        return new BadInputException(InputError.inFile(target.toString(), "cannot write: " + AtomicFiles.whyNot(e)));
    }
}
