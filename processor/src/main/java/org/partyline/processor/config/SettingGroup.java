package org.partyline.processor.config;

import java.util.List;

/** The settings of one concern, under the heading they have in {@code --help} and in docs/configuration.md. */
public record SettingGroup(String heading, List<Setting> settings) {

    public SettingGroup {
        settings = List.copyOf(settings);
    }

    static SettingGroup of(String heading, Setting... settings) {
        return new SettingGroup(heading, List.of(settings));
    }
}
