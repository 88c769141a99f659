package org.partyline.producer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.partyline.testsupport.MarkdownDoc;
import org.partyline.testsupport.MarkdownDoc.Row;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * docs/configuration.md documents exactly the options of every producer command as its picocli model declares them,
 * under {@code ## Producer: `NAME`}: flag, value label and default, each with a line on what it does, and
 * {@code NAME --help} describes each one. A new command fails here until its options are documented.
 */
class CommandReferenceTest {

    private static final MarkdownDoc DOC = MarkdownDoc.ofProject("docs/configuration.md");

    static Stream<String> commands() {
        return ProducerMain.commandLine(System.out, System.err).getSubcommands().keySet().stream()
                .filter(name -> !name.equals("help"));
    }

    private static CommandSpec command(String name) {
        return ProducerMain.commandLine(System.out, System.err).getSubcommands().get(name).getCommandSpec();
    }

    /** Each option's documented form, {@code --flag LABEL}, with its default as the page writes it. */
    private static Map<String, String> fromCode(String name) {
        Map<String, String> options = new TreeMap<>();
        for (OptionSpec option : command(name).options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            boolean flag = option.arity().max() == 0;
            options.put(flag ? option.longestName() : option.longestName() + " " + option.paramLabel(),
                    documentedDefault(option, flag));
        }
        return options;
    }

    /** {@code required}, the default in backticks, or {@code none} (a flag, an empty list, no value). */
    private static String documentedDefault(OptionSpec option, boolean flag) {
        if (option.required()) {
            return "required";
        }
        Object value = option.defaultValue() != null ? option.defaultValue() : option.initialValue();
        boolean empty = value == null || flag || value instanceof Collection<?> values && values.isEmpty();
        return empty ? "none" : "`" + value + "`";
    }

    @ParameterizedTest
    @MethodSource("commands")
    void shouldDocumentExactlyTheOptionsWithTheirDefaults(String name) {
        Map<String, String> documented = new TreeMap<>();
        List<String> silent = new ArrayList<>();
        for (Row row : DOC.tableRows("## Producer: `" + name + "`")) {
            documented.put(row.code(0), row.cells().get(1));
            if (row.cells().get(2).isBlank()) {
                silent.add(row.code(0));
            }
        }
        assertEquals(fromCode(name), documented, DOC.file() + ", section '## Producer: `" + name + "`'");
        assertEquals(List.of(), silent, "options documented without a word on what they do");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void shouldDescribeEveryOptionInHelp(String name) {
        String help = new CommandLine(command(name)).getUsageMessage();
        for (OptionSpec option : command(name).options()) {
            assertTrue(help.contains(option.longestName()), option.longestName() + " missing from " + name + " --help");
            assertTrue(option.description().length > 0 && !option.description()[0].isBlank(),
                    option.longestName() + " of " + name + " has no description");
        }
    }
}
