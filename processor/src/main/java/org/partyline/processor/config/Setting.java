package org.partyline.processor.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One setting of the processor: its key in a properties file, its default ({@code null}: none), the label of its value
 * in {@code --help} ({@code null}: a switch that takes no value) and one line on what it does. The flag and the
 * environment variable follow from the key: {@code http.port} is {@code --http-port} and {@code PARTYLINE_HTTP_PORT}.
 */
public record Setting(String key, String defaultValue, String label, String description) {

    private static final List<String> SECRET_WORDS = List.of("password", "jaas", "token", "user.info", "secret",
            "credentials");

    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(description, "description");
    }

    /** A setting that takes a value. */
    static Setting of(String key, String defaultValue, String label, String description) {
        return new Setting(key, defaultValue, Objects.requireNonNull(label, "label"), description);
    }

    /** A switch: given means true. */
    static Setting flag(String key, String description) {
        return new Setting(key, "false", null, description);
    }

    /** {@code http.port} -> {@code --http-port}. */
    public static String flagName(String key) {
        return "--" + key.replace('.', '-');
    }

    /** {@code http.port} -> {@code PARTYLINE_HTTP_PORT}. */
    public static String envName(String key) {
        return "PARTYLINE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** True when a key's value may be a secret (password, JAAS config, token, user info), never to be shown. */
    public static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(lower::contains);
    }

    public String flag() {
        return flagName(key);
    }

    public String variable() {
        return envName(key);
    }

    public boolean isSwitch() {
        return label == null;
    }

    public boolean isSecret() {
        return isSecret(key);
    }
}
