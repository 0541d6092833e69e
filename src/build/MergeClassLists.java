import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Build step (run by mvn package as `java src/build/MergeClassLists.java OUT IN...`): the class
 * lists of several training runs (-XX:DumpLoadedClassList) as one, each line once, for the
 * class-data-sharing archive bin/nngrade uses. A program rather than `cat`, so the build needs
 * nothing but the JDK on any system.
 */
public class MergeClassLists {
    public static void main(String[] args) throws IOException {
        Set<String> lines = new LinkedHashSet<>();
        for (int i = 1; i < args.length; i++) {
            lines.addAll(Files.readAllLines(Path.of(args[i])));
        }
        Files.write(Path.of(args[0]), lines);
    }
}
