package dev.breaker.sample.page;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Skips browser tests, saying why, where Chromium or ChromeDriver is missing. Evaluated per test
 * method, so that each skipped test is counted and its report carries the reason.
 */
final class ChromiumInstalled implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isEmpty() || HeadlessChromium.isInstalled()) {
            return ConditionEvaluationResult.enabled("Chromium and ChromeDriver are installed");
        }
        tellTheConsole(context.getDisplayName() + ": " + HeadlessChromium.MISSING);
        return ConditionEvaluationResult.disabled(HeadlessChromium.MISSING);
    }

    /**
     * Surefire writes test output to files (redirectTestOutputToFile), where nobody sees a skip.
     * The forked JVM's own stderr still reaches Maven's console, so the reason goes there.
     */
    @SuppressWarnings("resource") // never close the process's stderr
    private static void tellTheConsole(String message) {
        PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        console.println("[WARNING] " + message);
    }
}
