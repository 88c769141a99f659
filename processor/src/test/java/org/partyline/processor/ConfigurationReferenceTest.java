package org.partyline.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.partyline.processor.config.PartylineConfig;
import org.partyline.processor.config.ProcessorCommand;
import org.partyline.processor.config.Setting;
import org.partyline.processor.config.SettingGroup;
import org.partyline.processor.config.Settings;
import org.partyline.testsupport.MarkdownDoc;
import org.partyline.testsupport.MarkdownDoc.CodeBlock;
import org.partyline.testsupport.MarkdownDoc.Row;
import picocli.CommandLine.Model.OptionSpec;

/**
 * docs/configuration.md, {@code --help} and the code name the same settings: every setting the processor reads
 * (taken from its picocli model and its configuration keys) is documented under its concern with its flag, variable,
 * key and default, and is in {@code --help}; nothing documented is unknown to the processor.
 */
class ConfigurationReferenceTest {

    private static final MarkdownDoc DOC = MarkdownDoc.ofProject("docs/configuration.md");
    private static final String KAFKA_CLIENT_HEADING = "### Kafka client settings: `kafka.*`";

    /** The processor's options as picocli knows them, but {@code --help} and {@code --version}. */
    private static Set<String> optionFlags() {
        return ProcessorCommand.commandLine().getCommandSpec().options().stream()
                .filter(option -> !option.usageHelp() && !option.versionHelp())
                .map(OptionSpec::longestName).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void shouldOfferOneOptionForEveryKeyTheConfigurationReads() {
        Set<String> fromKeys = PartylineConfig.KEYS.stream().map(PartylineConfig::flagName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(fromKeys, optionFlags());
    }

    @Test
    void shouldDocumentEverySettingUnderItsConcernWithItsFlagVariableKeyAndDefault() {
        List<String> problems = new ArrayList<>();
        for (SettingGroup group : Settings.GROUPS) {
            List<Row> rows = DOC.tableRows("### " + group.heading());
            for (Setting setting : group.settings()) {
                Row row = rows.stream().filter(r -> r.code(2).equals(setting.key())).findFirst().orElse(null);
                if (row == null) {
                    problems.add(setting.key() + " is not documented under '### " + group.heading() + "'");
                    continue;
                }
                String flag = setting.isSwitch() ? setting.flag() : setting.flag() + " " + setting.label();
                String defaultValue = setting.defaultValue() == null ? "none" : "`" + setting.defaultValue() + "`";
                check(problems, row, "flag", flag, row.code(0));
                check(problems, row, "environment variable", setting.variable(), row.code(1));
                check(problems, row, "default", defaultValue, row.cells().get(3));
                if (row.cells().get(4).isBlank()) {
                    problems.add("line " + row.line() + ": " + setting.key() + " says nothing of what it does");
                }
            }
            for (Row row : rows) {
                if (group.settings().stream().noneMatch(s -> s.key().equals(row.code(2)))) {
                    problems.add("line " + row.line() + ": " + row.code(2) + " is documented under '### "
                            + group.heading() + "' but is no setting of that concern");
                }
            }
        }
        assertEquals(List.of(), problems, DOC.file().toString());
    }

    @Test
    void shouldDocumentTheConcernsInTheOrderOfHelpAndTheKafkaClientFamily() {
        List<String> expected = new ArrayList<>(Settings.GROUPS.stream().map(SettingGroup::heading).toList());
        expected.add(KAFKA_CLIENT_HEADING.substring(4));
        List<String> documented = DOC.headings(3).subList(0, expected.size());
        assertEquals(expected, documented);
        Row kafka = DOC.tableRows(KAFKA_CLIENT_HEADING).get(0);
        assertEquals(List.of("--kafka-NAME VALUE", "PARTYLINE_KAFKA_NAME", "kafka.NAME"),
                List.of(kafka.code(0), kafka.code(1), kafka.code(2)));
    }

    @Test
    void shouldDocumentNoSettingTheProcessorDoesNotKnow() {
        List<String> unknown = new ArrayList<>();
        for (Row row : DOC.tableRows("## Processor settings")) {
            String key = row.code(2).replace("kafka.NAME", "kafka.name");
            String flag = row.code(0).split(" ")[0];
            if (!PartylineConfig.isKnown(key)) {
                unknown.add("line " + row.line() + ": key " + row.code(2));
            }
            if (!optionFlags().contains(flag) && !flag.equals("--kafka-NAME")) {
                unknown.add("line " + row.line() + ": flag " + flag);
            }
        }
        Matcher variables = Pattern.compile("PARTYLINE_[A-Z0-9_]+").matcher(DOC.text());
        while (variables.find()) {
            String name = variables.group();
            boolean prefix = name.endsWith("_") && PartylineConfig.readsVariable(name + "NAME");
            if (!PartylineConfig.readsVariable(name) && !prefix) {
                unknown.add("variable " + name);
            }
        }
        for (CodeBlock block : DOC.codeBlocks("properties")) {
            boolean processor = block.lines().get(0).equals("# partyline.properties");
            for (String line : block.lines()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String key = line.substring(0, line.indexOf('='));
                boolean known = processor ? PartylineConfig.isKnown(key)
                        : ProducerConfig.configNames().contains(key) || key.startsWith("schema.registry.")
                        || key.startsWith("basic.auth.");
                if (!known) {
                    unknown.add("line " + block.line() + ": " + (processor ? "processor" : "producer") + " key " + key);
                }
            }
        }
        assertEquals(List.of(), unknown, DOC.file() + " names settings the code does not read");
    }

    @Test
    void shouldListEverySettingInHelpWithWhatItDoes() {
        String help = ProcessorCommand.usage().replaceAll("\\s+", " ");
        for (Setting setting : Settings.ALL) {
            assertTrue(help.contains(setting.flag()), setting.flag() + " missing from --help");
            assertTrue(help.contains(setting.key() + " / " + setting.variable()), setting.variable()
                    + " missing from --help");
        }
        for (OptionSpec option : ProcessorCommand.commandLine().getCommandSpec().options()) {
            assertTrue(option.description().length > 0 && !option.description()[0].isBlank(),
                    option.longestName() + " has no description in --help");
        }
    }

    private static void check(List<String> problems, Row row, String what, String expected, String documented) {
        if (!expected.equals(documented)) {
            problems.add("line " + row.line() + ": " + what + " is '" + documented + "', the code says '" + expected
                    + "'");
        }
    }
}
