package nngrade.cli;

import nngrade.cli.GradeRuns.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static nngrade.cli.GradeRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command on the course's later problems (optimisers, several steps, graphs), end to end:
 * the key grades 100% through its JSON and its CSV, a blank template is every asked quantity
 * missing, a class of graph hand-ins lands in the gradebook with its codes, sheets and variants.
 */
class CourseCommandsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"weight-decay-step", "momentum-step", "adam-step", "three-step-loss", "graph-add-mul",
        "graph-sigmoid-neuron", "graph-fanout"})
    void theKeyGradesFullThroughJsonAndCsvAndTheTemplateIsAllMissing(String name) throws IOException {
        String problem = "problems/" + name + ".json";
        for (String format : List.of("json", "csv")) {
            Run key = run("solve", problem, "--format", format);
            assertEquals(0, key.code(), key.err());
            Path f = tmp.resolve(name + "." + format);
            Files.writeString(f, key.out(), StandardCharsets.UTF_8);
            Run check = run("check", problem, f.toString(), "--format", "json");
            assertEquals(0, check.code(), check.all());
            assertTrue(check.out().contains("\"status\" : \"graded\""), check.out());
        }
        Run template = run("template", problem, "--format", "csv");
        assertEquals(0, template.code(), template.err());
        Path blank = tmp.resolve(name + "-blank.csv");
        Files.writeString(blank, template.out(), StandardCharsets.UTF_8);
        Run check = run("check", problem, blank.toString());
        assertEquals(2, check.code(), check.all()); // a template with nothing filled in answers nothing
        assertTrue(check.all().contains(blank + ": has a header but no answers"), check.all());
    }

    @Test
    void aClassOfGraphHandInsIsGradedWithItsCodes() throws IOException {
        Path subs = Files.createDirectories(tmp.resolve("subs"));
        Files.copy(Path.of("docs/examples/course/graph-fanout-mistakes.json"), subs.resolve("ana.json"));
        Files.writeString(subs.resolve("bob.csv"), "quantity,value\na,-12\ns,0.9526\nm,0.9526\nf,-11.0474\ndm,1\nda,1\nds,1\n"
                + "dx,-3.9548\ndy,-3\n", StandardCharsets.UTF_8);
        Files.writeString(subs.resolve("carla.csv"), "quantity;value\ndx;-3,9548\n", StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        Run r = GradeRuns.grade("problems/graph-fanout.json", subs, "--out", out, "--quiet");
        assertEquals(1, r.code(), r.all());
        List<String> rows = Files.readAllLines(out.resolve("gradebook.csv"));
        assertEquals("id,status,score,max,a,s,m,f,dm,da,ds,dx,dy,diagnoses,file,note", rows.get(0));
        assertTrue(rows.get(1).startsWith("ana,graded,7,9,1,1,1,1,1,1,1,0,0,dx: fan-out-not-summed; dy: max-wrong-branch,"),
                rows.get(1));
        assertTrue(rows.get(2).startsWith("bob,graded,8,9,1,1,1,1,1,1,1,1,0,dy: sign-flipped,"), rows.get(2));
        assertTrue(rows.get(3).startsWith("carla,graded,1,9,0,0,0,0,0,0,0,1,0,,"), rows.get(3));
    }

    @Test
    void aGraphsSheetAndVariantCarryItsInputs() throws IOException {
        Path roster = tmp.resolve("roster.csv");
        Files.writeString(roster, "id,name\nana,Ana Pop\n", StandardCharsets.UTF_8);
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "s3cr3t-course\n", StandardCharsets.UTF_8);
        Path sheets = tmp.resolve("sheets");
        Run r = run("sheets", "problems/graph-sigmoid-neuron.json", "--roster", roster.toString(), "--secret-file",
                secret.toString(), "--out", sheets.toString(), "--format", "markdown");
        assertEquals(0, r.code(), r.all());
        try (var files = Files.list(sheets)) {
            Path sheet = files.filter(f -> f.toString().endsWith(".md")).findFirst().orElseThrow();
            String md = Files.readString(sheet);
            assertTrue(md.contains("| input | value |\n|---|---|\n| `w0` | 2 |\n"), md);
            assertTrue(md.contains("output f; the params w0, w1, w2 take one gradient-descent step, learning rate η = 0.5"), md);
        }
        Run variant = run("variant", "problems/graph-sigmoid-neuron.json", "--student", "ana", "--secret-file", secret.toString());
        assertEquals(0, variant.code(), variant.err());
        assertTrue(variant.out().contains("\"graph\""), variant.out());
    }
}
