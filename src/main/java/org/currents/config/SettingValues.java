package org.currents.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Raw setting values in precedence order (flags, then environment, then the properties file,
 * then defaults), read as typed values with errors that name the key and the layer it came from.
 */
final class SettingValues {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern BYTES = Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)?", Pattern.CASE_INSENSITIVE);

    private final Map<String, String> flags;
    private final Map<String, String> environment;
    private final Map<String, String> file;
    private final String fileName;

    SettingValues(Map<String, String> flags, Map<String, String> environment, Map<String, String> file, String fileName) {
        this.flags = Map.copyOf(flags);
        this.environment = Map.copyOf(environment);
        this.file = Map.copyOf(file);
        this.fileName = fileName;
    }

    String string(Key key) {
        return lookup(key).value().strip();
    }

    int integer(Key key, int min, int max) {
        Value v = lookup(key);
        try {
            int n = Integer.parseInt(v.value().strip());
            if (n < min || n > max) {
                throw v.invalid("must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw v.invalid("is not a whole number");
        }
    }

    /** A positive duration: {@code 500ms}, {@code 10s}, {@code 15m}, {@code 24h}, {@code 7d} or ISO-8601 ({@code PT15M}). */
    boolean bool(Key key) {
        String v = string(key).strip().toLowerCase(java.util.Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return v.equals("true");
        }
        throw invalid(key, "must be true or false");
    }

    Duration duration(Key key) {
        Value v = lookup(key);
        String text = v.value().strip();
        Duration d;
        Matcher m = DURATION.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(text);
            } catch (RuntimeException e) {
                throw v.invalid("is not a duration (examples: 30s, 15m, 24h, 7d, PT15M)");
            }
        }
        if (d.isNegative() || d.isZero()) {
            throw v.invalid("must be longer than zero");
        }
        return d;
    }

    /** A positive size: {@code 1048576}, {@code 512KB}, {@code 10MB}, {@code 1GB}. */
    long bytes(Key key) {
        Value v = lookup(key);
        Matcher m = BYTES.matcher(v.value().strip());
        if (!m.matches()) {
            throw v.invalid("is not a size (examples: 500KB, 10MB)");
        }
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw v.invalid("is too large");
        }
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        long factor = switch (unit) {
            case "KB" -> 1L << 10;
            case "MB" -> 1L << 20;
            case "GB" -> 1L << 30;
            default -> 1L;
        };
        if (n <= 0 || n > Long.MAX_VALUE / factor) {
            throw v.invalid("must be a positive size");
        }
        return n * factor;
    }

    /** Items separated by commas (or by {@code separator}), blanks dropped. */
    List<String> list(Key key, String separatorRegex) {
        String text = string(key);
        if (text.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(text.split(separatorRegex)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Where the value of {@code key} came from, as an operator would change it: "the --port flag", a file, ... */
    String origin(Key key) {
        return lookup(key).origin();
    }

    SettingsException invalid(Key key, String problem) {
        return lookup(key).invalid(problem);
    }

    private Value lookup(Key key) {
        if (flags.containsKey(key.key())) {
            return new Value(key, flags.get(key.key()), "the --" + key.key() + " flag");
        }
        for (String variable : new String[] {key.environmentVariable(), key.formerVariable()}) {
            if (variable != null && environment.containsKey(variable)) {
                return new Value(key, environment.get(variable), "environment variable " + variable);
            }
        }
        for (String name : new String[] {key.key(), key.formerKey()}) {
            if (name != null && file.containsKey(name)) {
                return new Value(key, file.get(name), fileName);
            }
        }
        return new Value(key, key.defaultValue(), "the default");
    }

    private record Value(Key key, String value, String origin) {
        SettingsException invalid(String problem) {
            return new SettingsException("setting " + key.key() + " = '" + value + "' (from " + origin + ") " + problem);
        }
    }
}
