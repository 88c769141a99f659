package org.partyline.processor.config;

import java.util.List;
import java.util.Optional;

/** Every concern's settings, in the order of {@code --help} and docs/configuration.md, and the checks of each. */
public final class Settings {

    /** The groups of settings; a new concern is one more entry here. */
    public static final List<SettingGroup> GROUPS = List.of(
            StartupSettings.GROUP,
            ConnectionSettings.GROUP,
            EmbeddedSettings.GROUP,
            HttpSettings.GROUP,
            TopicSettings.GROUP,
            StreamsTuning.GROUP);

    /** Every setting of every group. */
    public static final List<Setting> ALL = GROUPS.stream().flatMap(group -> group.settings().stream()).toList();

    private Settings() {
    }

    public static Optional<Setting> byKey(String key) {
        return ALL.stream().filter(setting -> setting.key().equals(key)).findFirst();
    }

    /** Checks each concern's values; the first problem found is thrown. */
    static void validate(PartylineConfig config) {
        ConnectionSettings.validate(config);
        HttpSettings.validate(config);
        EmbeddedSettings.validate(config);
        StreamsTuning.validate(config);
        TopicSettings.validate(config);
    }
}
