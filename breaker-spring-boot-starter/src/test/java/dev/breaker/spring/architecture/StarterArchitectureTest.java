package dev.breaker.spring.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The starter's layering: each idea has one home, and arrows point one way.
 * <pre>
 *   autoconfigure  →  web.server, web.client, llm, aop, metrics, actuate
 *   web.client, llm → outbound → judge → dialect
 *   web.server, aop → judge;  everything → provider → dialect;  everything → dev.breaker.core
 *   fallback → judge (failover between Spring AI chat models: no door, it calls chat models)
 * </pre>
 */
class StarterArchitectureTest {

    private static final String SPRING = "dev.breaker.spring";

    private static final JavaClasses STARTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(SPRING);

    @Test
    void hasNoPackageCycles() {
        check(slices().matching(SPRING + ".(**)").should().beFreeOfCycles());
    }

    @Test
    void dialectKnowsOnlyTheEngine() {
        check(noClasses().that().resideInAPackage("..spring.dialect..")
                .should().dependOnClassesThat().resideInAnyPackage(otherThan("dialect")));
    }

    @Test
    void judgingKnowsOnlyTheEngineTheDialectsAndTheProviders() {
        check(noClasses().that().resideInAPackage("..spring.judge..")
                .should().dependOnClassesThat().resideInAnyPackage(otherThan("judge", "dialect", "provider")));
    }

    @Test
    void theOutboundGateKnowsNoDoor() {
        check(noClasses().that().resideInAPackage("..spring.outbound..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        SPRING + ".web..", SPRING + ".llm..", SPRING + ".aop..", SPRING + ".autoconfigure..",
                        SPRING + ".metrics..", SPRING + ".actuate.."));
    }

    @Test
    void failoverKnowsOnlyTheJudgeAndWhatTheJudgeStandsOn() {
        check(noClasses().that().resideInAPackage("..spring.fallback..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        otherThan("fallback", "judge", "dialect", "provider", "outbound")));
    }

    @Test
    void doorsDoNotUseEachOther() {
        check(noClasses().that().resideInAnyPackage("..spring.llm..", "..spring.aop..")
                .should().dependOnClassesThat().resideInAPackage(SPRING + ".web.."));
        check(noClasses().that().resideInAPackage("..spring.web.server..")
                .should().dependOnClassesThat().resideInAnyPackage(SPRING + ".web.client..", SPRING + ".llm..",
                        SPRING + ".aop..", SPRING + ".outbound.."));
        check(noClasses().that().resideInAPackage("..spring.web.client..")
                .should().dependOnClassesThat().resideInAnyPackage(SPRING + ".web.server..", SPRING + ".llm..",
                        SPRING + ".aop.."));
    }

    @Test
    void onlyAutoConfigurationUsesAutoConfiguration() {
        check(noClasses().that().resideOutsideOfPackage(SPRING + ".autoconfigure..")
                .should().dependOnClassesThat().resideInAPackage(SPRING + ".autoconfigure.."));
    }

    /** Every starter package except {@code allowed} (and the root's public names). */
    private static String[] otherThan(String... allowed) {
        return Arrays.stream(new String[] {"provider", "dialect", "judge", "outbound", "web", "llm", "aop",
                        "fallback", "metrics", "actuate", "autoconfigure"})
                .filter(name -> !Arrays.asList(allowed).contains(name))
                .map(name -> SPRING + "." + name + "..")
                .toArray(String[]::new);
    }

    private static void check(ArchRule rule) {
        rule.check(STARTER);
    }
}
