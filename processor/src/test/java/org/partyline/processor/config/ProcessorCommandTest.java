package org.partyline.processor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.UnmatchedArgumentException;

class ProcessorCommandTest {

    private static Map<String, String> flags(String... args) {
        return ProcessorCommand.flags(ProcessorCommand.commandLine().parseArgs(args));
    }

    @Test
    void shouldReadDeclaredFlagsInBothSpellingsAndSwitches() {
        assertEquals(Map.of("http.port", "9000", "state.dir", "/s", "demo", "true"),
                flags("--http-port", "9000", "--state-dir=/s", "--demo"));
    }

    @Test
    void shouldPassAnyKafkaFlagThroughAsAKafkaKey() {
        assertEquals(Map.of("kafka.sasl.mechanism", "SCRAM-SHA-512", "kafka.security.protocol", "SASL_SSL",
                        "kafka.port", "0"),
                flags("--kafka-sasl-mechanism", "SCRAM-SHA-512", "--kafka-port", "0",
                        "--kafka-security-protocol=SASL_SSL"));
    }

    @Test
    void shouldSuggestTheClosestOptionForAMistypedOne() {
        UnmatchedArgumentException e = assertThrows(UnmatchedArgumentException.class,
                () -> flags("--schema-registry-ulr", "http://r"));
        assertEquals("Unknown option: '--schema-registry-ulr'", e.getMessage());
        assertEquals("--schema-registry-url", e.getSuggestions().get(0));
    }

    @Test
    void shouldNotShowTheValueOfAMistypedOptionGivenWithEquals() {
        UnmatchedArgumentException e = assertThrows(UnmatchedArgumentException.class,
                () -> flags("--http-auth-tokn=tok-Secret"));
        assertEquals("Unknown option: '--http-auth-tokn'", e.getMessage());
        assertTrue(e.getSuggestions().contains("--http-auth-token"), e.getSuggestions().toString());
    }

    @Test
    void shouldGroupEveryOptionByConcernWithItsVariableAndDefault() {
        String help = ProcessorCommand.usage();
        for (SettingGroup group : Settings.GROUPS) {
            assertTrue(help.contains("%n%s:%n".formatted(group.heading())), group.heading() + " in " + help);
        }
        assertTrue(help.contains("http.port / PARTYLINE_HTTP_PORT; default 8080"), help);
        assertTrue(help.contains("--kafka-NAME VALUE"), help);
        List<String> described = ProcessorCommand.commandLine().getCommandSpec().options().stream()
                .filter(option -> option.description().length == 0 || option.description()[0].isBlank())
                .map(CommandLine.Model.OptionSpec::longestName).toList();
        assertEquals(List.of(), described);
    }
}
