package org.currents;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints every skipped test and its reason on the console, where the build log shows it, not
 * only in the Surefire reports. Registered in META-INF/services.
 */
public final class SkipReport implements TestExecutionListener {
    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        print(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            print(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    private static void print(TestIdentifier test, String reason) {
        String name = test.getLegacyReportingName();
        String type = test.getSource().filter(MethodSource.class::isInstance)
                .map(s -> ((MethodSource) s).getClassName() + ".").orElse("");
        String text = reason == null ? "" : reason.replaceFirst("^Assumption failed: ", "");
        System.out.println("[SKIPPED] " + type.replaceFirst("^org\\.currents\\.", "") + name + ": " + text);
    }
}
