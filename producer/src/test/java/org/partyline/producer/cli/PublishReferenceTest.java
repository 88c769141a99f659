package org.partyline.producer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.partyline.testsupport.MarkdownDoc;
import org.partyline.testsupport.MarkdownDoc.Row;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * docs/configuration.md documents exactly the options of {@code publish} as its picocli model declares them: flag,
 * value label and default, each with a line on what it does, and {@code publish --help} describes each one.
 */
class PublishReferenceTest {

    private static final MarkdownDoc DOC = MarkdownDoc.ofProject("docs/configuration.md");

    private static CommandSpec publish() {
        return ProducerMain.commandLine(System.out, System.err).getSubcommands().get("publish").getCommandSpec();
    }

    /** Each option's documented form, {@code --flag LABEL}, with its default as the page writes it. */
    private static Map<String, String> fromCode() {
        Map<String, String> options = new TreeMap<>();
        for (OptionSpec option : publish().options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            String label = option.paramLabel();
            Object initial = option.initialValue();
            String shown = option.required() ? "required" : initial != null ? "`" + initial + "`" : "none";
            options.put(option.longestName() + " " + label, shown);
        }
        return options;
    }

    @Test
    void shouldDocumentExactlyThePublishOptionsWithTheirDefaults() {
        Map<String, String> documented = new TreeMap<>();
        List<String> silent = new ArrayList<>();
        for (Row row : DOC.tableRows("## Producer: `publish`")) {
            documented.put(row.code(0), row.cells().get(1));
            if (row.cells().get(2).isBlank()) {
                silent.add(row.code(0));
            }
        }
        assertEquals(fromCode(), documented, DOC.file().toString());
        assertEquals(List.of(), silent, "options documented without a word on what they do");
    }

    @Test
    void shouldDescribeEveryOptionInHelp() {
        String help = new CommandLine(publish()).getUsageMessage();
        for (OptionSpec option : publish().options()) {
            assertTrue(help.contains(option.longestName()), option.longestName() + " missing from publish --help");
            assertTrue(option.description().length > 0 && !option.description()[0].isBlank(),
                    option.longestName() + " has no description");
        }
    }
}
