package nngrade;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages follow the data, one way: input → problem → solve → variant → check → report →
 * grade → serve → cli, with submission (the readers) feeding check. The solver and the checker are
 * pure: they read no files and print nothing; only the command line knows picocli.
 */
@AnalyzeClasses(packages = "nngrade", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule packagesFlowOneWay = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("input").definedBy("nngrade.input..")
            .layer("problem").definedBy("nngrade.problem..")
            .layer("solve").definedBy("nngrade.solve..")
            .layer("variant").definedBy("nngrade.variant..")
            .layer("submission").definedBy("nngrade.submission..")
            .layer("check").definedBy("nngrade.check..")
            .layer("report").definedBy("nngrade.report..")
            .layer("grade").definedBy("nngrade.grade..")
            .layer("serve").definedBy("nngrade.serve..")
            .layer("cli").definedBy("nngrade.cli..")
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("serve").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("grade").mayOnlyBeAccessedByLayers("serve", "cli")
            .whereLayer("report").mayOnlyBeAccessedByLayers("grade", "serve", "cli")
            .whereLayer("check").mayOnlyBeAccessedByLayers("report", "grade", "serve", "cli")
            .whereLayer("submission").mayOnlyBeAccessedByLayers("check", "grade", "serve", "cli")
            .whereLayer("variant").mayOnlyBeAccessedByLayers("grade", "serve", "cli")
            .whereLayer("solve").mayOnlyBeAccessedByLayers("variant", "check", "report", "grade", "serve", "cli")
            .whereLayer("problem").mayOnlyBeAccessedByLayers("solve", "variant", "submission", "check", "report", "grade", "serve", "cli");

    /**
     * check and check.diagnosis count as two slices: a diagnosis never reaches back into the
     * checker. The templates jte generates into report.html are the HTML renderers' other half
     * (they show the renderers' records), so they may use report.
     */
    @ArchTest
    static final ArchRule noCycles = slices().matching("nngrade.(**)").should().beFreeOfCycles()
            .ignoreDependency(resideInAPackage("nngrade.report.html.."), resideInAPackage("nngrade.report"));

    @ArchTest
    static final ArchRule onlyTheCommandLineKnowsPicocli = noClasses().that().resideOutsideOfPackage("nngrade.cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..");

    @ArchTest
    static final ArchRule onlyTheCommandLinePrints = noClasses().that().resideOutsideOfPackage("nngrade.cli..")
            .should(ACCESS_STANDARD_STREAMS).because("only the command line writes to the terminal");

    @ArchTest
    static final ArchRule theSolverCheckerAndRenderersReadNoFiles = noClasses()
            .that().resideInAnyPackage("nngrade.solve..", "nngrade.check..", "nngrade.report..", "nngrade.variant..")
            .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..")
            .orShould().dependOnClassesThat().belongToAnyOf(File.class, FileInputStream.class, FileOutputStream.class,
                    FileReader.class, FileWriter.class)
            .because("the pure core gets values, not files; reading and writing happen at the edges");
}
