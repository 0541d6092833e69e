package nngrade.grade;

import java.nio.file.Path;

/** Student ids derived from file names. */
public final class Ids {
    private Ids() {
    }

    /** The file name without its extension: {@code subs/ana.popescu.json} → {@code ana.popescu}. */
    public static String fromFileName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
