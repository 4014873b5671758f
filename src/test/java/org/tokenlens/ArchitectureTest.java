package org.tokenlens;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Layering, checked rather than hoped for: app → engine and cli → engine, never the other way, and the engine
 * stays free of JavaFX so the CLI and tests run without a toolkit. (ArchUnit fails a rule whose subject package
 * is empty, so a renamed package cannot make these pass vacuously.)
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        // only our own classes are needed: a dependency's package is known from its name without loading it,
        // and resolving JavaFX, Jackson … from the class path would make this test many times slower
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tokenlens");
    }

    @Test
    void engineHasNoUiToolkit() {
        noClasses().that().resideInAPackage("org.tokenlens.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "org.controlsfx..")
                .because("the engine is shared by the CLI, the app and headless tests")
                .check(classes);
    }

    @Test
    void engineDoesNotKnowItsCallers() {
        noClasses().that().resideInAPackage("org.tokenlens.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tokenlens.app..", "org.tokenlens.cli..")
                .because("app and cli depend on the engine, never the reverse")
                .check(classes);
    }

    @Test
    void cliDoesNotUseTheApp() {
        noClasses().that().resideInAPackage("org.tokenlens.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.tokenlens.app..")
                .because("the CLI must run without JavaFX on a headless machine")
                .check(classes);
    }
}
