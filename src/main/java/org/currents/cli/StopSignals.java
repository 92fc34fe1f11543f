package org.currents.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * Runs a stop action when the process gets SIGTERM or SIGINT, before the JVM begins to shut
 * down. A shutdown hook would run beside H2's own, which closes the database under the polls
 * still running (and H2 refuses DB_CLOSE_ON_EXIT=FALSE with AUTO_SERVER). The JDK's signal API
 * ({@code sun.misc.Signal}, module jdk.unsupported) is reached by reflection so the build needs
 * no internal API; where it is missing, {@link #install} says so and the caller falls back.
 */
final class StopSignals {
    private StopSignals() {
    }

    /** Makes SIGTERM and SIGINT run {@code stop} on the signal thread; false if this JVM cannot. */
    static boolean install(Runnable stop) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Object handler = Proxy.newProxyInstance(handlerType.getClassLoader(), new Class<?>[] {handlerType},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            stop.run();
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> "stop handler";
                    });
            Method handle = signal.getMethod("handle", signal, handlerType);
            for (String name : List.of("TERM", "INT")) {
                handle.invoke(null, signal.getConstructor(String.class).newInstance(name), handler);
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }
}
