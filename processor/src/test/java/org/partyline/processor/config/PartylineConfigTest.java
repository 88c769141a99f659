package org.partyline.processor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartylineConfigTest {

    @Test
    void shouldUseDefaultsWhenNothingIsGiven() {
        PartylineConfig config = PartylineConfig.load(new String[0], Map.of());
        assertEquals(8080, config.intValue(HttpSettings.HTTP_PORT));
        assertEquals(Optional.empty(), ConnectionSettings.bootstrapServers(config));
        assertEquals("statements", config.get(TopicSettings.TOPIC_STATEMENTS));
        assertEquals("exactly_once_v2", config.get(StreamsTuning.PROCESSING_GUARANTEE));
        assertEquals(false, StartupSettings.demo(config));
    }

    @Test
    void shouldLetFlagsWinOverEnvironmentAndEnvironmentOverFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("partyline.properties");
        Files.writeString(file, "http.port=7000\nstate.dir=/from-file\napplication.id=from-file\n");
        PartylineConfig config = PartylineConfig.load(
                new String[] {"--config", file.toString(), "--http-port", "9000", "--demo"},
                Map.of("PARTYLINE_HTTP_PORT", "8000", "PARTYLINE_STATE_DIR", "/from-env"));
        assertEquals(9000, config.intValue(HttpSettings.HTTP_PORT));
        assertEquals("/from-env", config.get(StreamsTuning.STATE_DIR));
        assertEquals("from-file", config.get(StreamsTuning.APPLICATION_ID));
        assertTrue(StartupSettings.demo(config));
    }

    @Test
    void shouldReadTheConfigFileNamedByTheEnvironment(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("p.properties");
        Files.writeString(file, "bootstrap.servers=kafka:9092\n");
        PartylineConfig config = PartylineConfig.load(new String[0], Map.of("PARTYLINE_CONFIG", file.toString()));
        assertEquals(Optional.of("kafka:9092"), ConnectionSettings.bootstrapServers(config));
    }

    @Test
    void shouldNameEnvironmentVariablesAndFlagsAfterTheKey() {
        assertEquals("PARTYLINE_TOPIC_STANCE_CHANGES", PartylineConfig.envName("topic.stance-changes"));
        assertEquals("--schema-registry-url", PartylineConfig.flagName("schema.registry.url"));
        assertTrue(PartylineConfig.KEYS.contains("kafka.port"));
    }

    @Test
    void shouldRejectUnknownFlagsMissingValuesAndBadNumbers(@TempDir Path dir) throws IOException {
        var unknown = assertThrows(PartylineConfig.ConfigException.class,
                () -> PartylineConfig.load(new String[] {"--http-prot", "1"}, Map.of()));
        assertEquals("Unknown option: '--http-prot'", unknown.getMessage());
        var missing = assertThrows(PartylineConfig.ConfigException.class,
                () -> PartylineConfig.load(new String[] {"--state-dir"}, Map.of()));
        assertEquals("Missing required parameter for option '--state-dir' (DIR)", missing.getMessage());
        var bad = assertThrows(PartylineConfig.ConfigException.class,
                () -> PartylineConfig.load(new String[0], Map.of("PARTYLINE_HTTP_PORT", "eighty")));
        assertEquals("http.port must be a whole number, not 'eighty'", bad.getMessage());
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "http.prot=1\n");
        var badKey = assertThrows(PartylineConfig.ConfigException.class,
                () -> PartylineConfig.load(new String[] {"--config", file.toString()}, Map.of()));
        assertEquals(file + ": unknown key 'http.prot'", badKey.getMessage());
    }
}
