package org.partyline.processor.config;

/** How the processor starts: the properties file it reads and whether it publishes the bundled example. */
public final class StartupSettings {
    public static final String CONFIG = "config";
    public static final String DEMO = "demo";

    static final SettingGroup GROUP = SettingGroup.of("Start-up",
            Setting.of(CONFIG, null, "FILE", "Properties file of settings (keys as in this list); the environment"
                    + " and the flags win over it."),
            Setting.flag(DEMO, "Also publish the bundled example events and print a summary read back through the"
                    + " REST API."));

    private StartupSettings() {
    }

    public static boolean demo(PartylineConfig config) {
        return Boolean.parseBoolean(config.get(DEMO));
    }
}
