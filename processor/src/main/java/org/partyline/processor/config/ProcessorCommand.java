package org.partyline.processor.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.partyline.events.PartylineVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The processor's command line, the flags layer of {@link PartylineConfig}: one option for each {@link Setting},
 * grouped by concern as {@link Settings#GROUPS} lists them (so {@code --help}, the configuration and
 * docs/configuration.md name the same settings), plus the open family {@code --kafka-NAME VALUE} of Kafka client
 * settings, taken from the arguments picocli does not match. An unknown option is answered with the closest valid one.
 */
@Command(name = "partyline-processor", mixinStandardHelpOptions = true, versionProvider = ProcessorCommand.Version.class,
        sortOptions = false, usageHelpWidth = 100,
        description = {
                "Folds statements and claims into views and serves them over a REST API and a dashboard.",
                "With no --bootstrap-servers it starts an embedded Kafka broker, with no --schema-registry-url an "
                        + "embedded schema registry. Every setting also comes from the environment (PARTYLINE_KEY) and "
                        + "from the --config file (KEY=VALUE); flags win over the environment, the environment over "
                        + "the file. When serving it prints 'READY api=... bootstrap=... schema-registry=...'."},
        customSynopsis = {"partyline-processor [--bootstrap-servers HOST:PORT] [--schema-registry-url URL]",
                "                           [--http-port N] [--state-dir DIR] [--demo]",
                "                           [--kafka-NAME VALUE]... [OPTION]..."},
        footerHeading = "%nKafka client settings:%n",
        footer = {
                "      --kafka-NAME VALUE     Any Kafka client setting, handed without the 'kafka.' prefix to every",
                "                             Kafka client of the processor: --kafka-security-protocol SASL_SSL,",
                "                             --kafka-sasl-mechanism SCRAM-SHA-512. In the flag '-' reads as '.'.",
                "                             kafka.NAME / PARTYLINE_KAFKA_NAME (after the prefix '_' reads as",
                "                             '.', lower case), e.g. PARTYLINE_KAFKA_SASL_JAAS_CONFIG.",
                "",
                "Exit status: 0 stopped, 1 could not start, 2 bad usage or configuration."})
public final class ProcessorCommand {

    private static final String KAFKA_FLAG_PREFIX = "--kafka-";

    /** The arguments no declared option matched: the {@code --kafka-NAME VALUE} pairs, or mistakes. */
    @Unmatched
    List<String> unmatched = new ArrayList<>();

    /** {@code --version}: the project version. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"partyline-processor " + PartylineVersion.current()};
        }
    }

    /** The command line with an option group for each concern. */
    public static CommandLine commandLine() {
        CommandSpec spec = CommandSpec.forAnnotatedObject(new ProcessorCommand());
        int order = 0;
        for (SettingGroup group : Settings.GROUPS) {
            ArgGroupSpec.Builder options = ArgGroupSpec.builder().heading("%n" + group.heading() + ":%n")
                    .exclusive(false).validate(false);
            for (Setting setting : group.settings()) {
                options.addArg(option(setting, order++));
            }
            spec.addArgGroup(options.build());
        }
        CommandLine commandLine = new CommandLine(spec);
        commandLine.setOverwrittenOptionsAllowed(true);
        return commandLine;
    }

    /** The text of {@code --help}. */
    public static String usage() {
        return commandLine().getUsageMessage();
    }

    private static OptionSpec option(Setting setting, int order) {
        String where = setting.key() + " / " + setting.variable() + (setting.defaultValue() == null
                || setting.isSwitch() ? "" : "; default " + setting.defaultValue());
        OptionSpec.Builder option = OptionSpec.builder(setting.flag())
                .description(setting.description(), where)
                .order(order);
        if (setting.isSwitch()) {
            return option.arity("0").type(boolean.class).build();
        }
        return option.arity("1").type(String.class).paramLabel(setting.label()).hideParamSyntax(false).build();
    }

    /**
     * The flags given, by key: each declared option matched, then each {@code --kafka-NAME VALUE} (or
     * {@code --kafka-NAME=VALUE}) as {@code kafka.NAME}.
     *
     * @throws ParameterException on an unknown option (with the closest valid ones in
     *                            {@link UnmatchedArgumentException#getSuggestions()}), a stray word, or a Kafka
     *                            client flag without its value
     */
    public static Map<String, String> flags(ParseResult parsed) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (OptionSpec option : parsed.matchedOptions()) {
            for (Setting setting : Settings.ALL) {
                if (setting.flag().equals(option.longestName())) {
                    flags.put(setting.key(), setting.isSwitch() ? "true" : option.getValue().toString());
                }
            }
        }
        ProcessorCommand command = parsed.commandSpec().commandLine().getCommand();
        flags.putAll(kafkaFlags(command.unmatched, parsed.commandSpec().commandLine()));
        return flags;
    }

    private static Map<String, String> kafkaFlags(List<String> args, CommandLine commandLine) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith(KAFKA_FLAG_PREFIX) || arg.length() == KAFKA_FLAG_PREFIX.length()) {
                if (arg.startsWith("-")) {
                    // Only the option's name: a value given with '=' may be a secret.
                    int eq = arg.indexOf('=');
                    throw new UnmatchedArgumentException(commandLine, List.of(eq > 0 ? arg.substring(0, eq) : arg));
                }
                // A stray word may be a misplaced value, even a password: it is not shown.
                throw new ParameterException(commandLine, "unexpected argument: a word that is not an option or the"
                        + " value of one (see --help)");
            }
            String name = arg;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new ParameterException(commandLine, "option " + arg + " needs a value");
            }
            flags.put(KafkaClientSettings.PREFIX + name.substring(KAFKA_FLAG_PREFIX.length()).replace('-', '.'), value);
        }
        return flags;
    }
}
