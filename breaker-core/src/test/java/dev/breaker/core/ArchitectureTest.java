package dev.breaker.core;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's layering, checked on the compiled main classes.
 *
 * <pre>
 *   registry            assembles breakers: the defaults below (log, in-memory store), keys, eviction
 *   event  store  store.redis  classify     implementations of the root's interfaces, and classification
 *   (root)              API, vocabulary, the state machine, and the interfaces it calls (StateStore, BreakerListener)
 *   window  clock       leaves
 * </pre>
 *
 * Each package may use only the packages {@link #MAY_USE} names for it (and itself, and anything
 * outside {@code dev.breaker}); a new package must be placed in the table before it can exist. No
 * two packages may depend on each other, through any path.
 */
class ArchitectureTest {

    private static final String CORE = "dev.breaker.core";

    /** Package (relative to {@value #CORE}; "" is the root) -> the other core packages it may use. */
    private static final Map<String, Set<String>> MAY_USE = Map.of(
            "window", Set.of(),
            "clock", Set.of(),
            "", Set.of("window", "clock"),
            "classify", Set.of("", "window", "clock"),
            "event", Set.of("", "window", "clock"),
            "store", Set.of("", "window", "clock"),
            "store.redis", Set.of("", "window", "clock"),
            "registry", Set.of("", "window", "clock", "event", "store"));

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(CORE);

    @Test
    void hasNoPackageCycles() {
        slices().matching("dev.breaker.(**)").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void everyPackageUsesOnlyThePackagesBelowIt() {
        List<ArchRule> rules = MAY_USE.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> usesOnly(entry.getKey(), entry.getValue()))
                .toList();
        CompositeArchRule.of(rules).as("every core package uses only the packages MAY_USE names for it").check(MAIN);
    }

    @Test
    void everyPackageHasItsPlaceInTheLayering() {
        Set<String> packages = MAIN.stream().map(JavaClass::getPackageName)
                .map(name -> name.equals(CORE) ? "" : name.substring(CORE.length() + 1))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(MAY_USE.keySet()).as("add new packages to MAY_USE").containsAll(packages);
        assertThat(packages).as("a package the layering names is gone").containsAll(MAY_USE.keySet());
    }

    private static ArchRule usesOnly(String name, Set<String> allowed) {
        return noClasses()
                .that().resideInAPackage(absolute(name))
                .should().dependOnClassesThat(resideInAPackage(CORE + "..")
                        .and(not(resideInAnyPackage(permitted(name, allowed)))));
    }

    private static String absolute(String name) {
        return name.isEmpty() ? CORE : CORE + "." + name;
    }

    private static String[] permitted(String name, Set<String> allowed) {
        Set<String> packages = new TreeSet<>(allowed);
        packages.add(name);
        return packages.stream().map(ArchitectureTest::absolute).toArray(String[]::new);
    }
}
