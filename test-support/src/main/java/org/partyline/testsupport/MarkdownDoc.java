package org.partyline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown page of the project read for tests that keep the documentation true to the code: its sections, the rows
 * of their tables and their fenced code blocks, each with the line it starts on so that a failure can name it.
 */
public final class MarkdownDoc {

    /** One row of a table: the file's line number and its cells, trimmed. */
    public record Row(int line, List<String> cells) {

        private static final Pattern CODE = Pattern.compile("`([^`]*)`");

        /** The text of the first {@code `code`} span of cell {@code i}, or the cell itself when it has none. */
        public String code(int i) {
            Matcher m = CODE.matcher(cells.get(i));
            return m.find() ? m.group(1) : cells.get(i);
        }
    }

    /** A fenced code block: the line of its opening fence, its language and its lines. */
    public record CodeBlock(int line, String language, List<String> lines) {
    }

    private final Path file;
    private final List<String> lines;

    private MarkdownDoc(Path file, List<String> lines) {
        this.file = file;
        this.lines = List.copyOf(lines);
    }

    /** Reads {@code relative} (e.g. {@code docs/configuration.md}) from the project's root, found above the working directory. */
    public static MarkdownDoc ofProject(String relative) {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve(relative))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no " + relative + " above " + System.getProperty("user.dir"));
        }
        Path file = dir.resolve(relative);
        try {
            return new MarkdownDoc(file, Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** The whole text. */
    public String text() {
        return String.join("\n", lines);
    }

    /** The headings of one level ({@code 3}: the {@code ### } lines), without the marks, in order. */
    public List<String> headings(int level) {
        String marks = "#".repeat(level) + " ";
        return lines.stream().filter(line -> line.startsWith(marks)).map(line -> line.substring(marks.length()))
                .toList();
    }

    /**
     * The rows of every table in the section under {@code heading} (a whole line such as {@code ### REST API}), up to
     * the next heading of the same or a higher level; header rows and separator rows are left out.
     */
    public List<Row> tableRows(String heading) {
        int start = lines.indexOf(heading);
        if (start < 0) {
            throw new IllegalArgumentException(file + " has no heading '" + heading + "'");
        }
        int level = heading.indexOf(' ');
        List<Row> rows = new ArrayList<>();
        boolean inCode = false;
        boolean header = true;
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                inCode = !inCode;
            }
            if (!inCode && line.matches("#{1," + level + "} .*")) {
                break;
            }
            if (inCode || !line.startsWith("|")) {
                header = true;
                continue;
            }
            if (line.matches("\\|[-|: ]+\\|")) {
                header = false;
                continue;
            }
            if (!header) {
                String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
                rows.add(new Row(i + 1, Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList()));
            }
        }
        return rows;
    }

    /** Every fenced code block of a language ({@code properties}, {@code sh}). */
    public List<CodeBlock> codeBlocks(String language) {
        List<CodeBlock> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("```" + language)) {
                int open = i;
                List<String> body = new ArrayList<>();
                while (++i < lines.size() && !lines.get(i).startsWith("```")) {
                    body.add(lines.get(i));
                }
                blocks.add(new CodeBlock(open + 1, language, body));
            }
        }
        return blocks;
    }
}
