package org.partyline.processor.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of every Markdown file in the repository leads somewhere: the file or folder exists, and an
 * anchor ({@code page.md#section}, {@code #section}) names a heading of that page, as GitHub makes its anchors.
 */
class MarkdownLinksTest {
    /** {@code [text](target)} and {@code ![alt](target)}; the target ends at the first space or closing parenthesis. */
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");

    @Test
    void shouldFindEveryRelativeLinkTargetAndAnchor() throws IOException {
        Path root = RepositoryFiles.root();
        List<Path> pages = RepositoryFiles.markdownFiles(root);
        assertTrue(pages.contains(root.resolve("README.md")), "README.md is among " + pages);
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            List<String> lines = Files.readAllLines(page);
            boolean inFence = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.trim().startsWith("```")) {
                    inFence = !inFence;
                    continue;
                }
                if (inFence) {
                    continue;
                }
                Matcher m = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
                while (m.find()) {
                    String problem = problem(page, m.group(1));
                    if (problem != null) {
                        broken.add(root.relativize(page) + ":" + (i + 1) + ": " + m.group(1) + ": " + problem);
                    }
                }
            }
        }
        assertEquals(List.of(), broken, "broken links");
    }

    @Test
    void shouldMakeAnchorsAsGitHubDoes() {
        assertEquals("queries-through-failover", anchor("Queries through failover"));
        assertEquals("live-changes-get-apievents", anchor("Live changes: `GET /api/events`"));
        assertEquals("as-of-a-time-asof", anchor("As of a time: `asOf`"));
        assertEquals("docker-compose", anchor("docker-compose"));
    }

    @Test
    void shouldReportAMissingFileAndAMissingAnchor() throws IOException {
        Path root = RepositoryFiles.root();
        Path readme = root.resolve("README.md");
        assertEquals("no such file", problem(readme, "docs/no-such-page.md"));
        assertEquals("no heading makes the anchor #no-such-section", problem(readme, "README.md#no-such-section"));
        assertFalse(headingAnchors(readme).isEmpty());
    }

    /** What is wrong with a link target written in a page, or null when it leads somewhere (or is not relative). */
    private static String problem(Path page, String target) throws IOException {
        if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return null; // http:, https:, mailto: and other absolute URLs
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (anchor != null && !anchor.isEmpty() && resolved.toString().endsWith(".md")
                && !headingAnchors(resolved).contains(anchor)) {
            return "no heading makes the anchor #" + anchor;
        }
        return null;
    }

    private static Set<String> headingAnchors(Path page) throws IOException {
        boolean inFence = false;
        Set<String> anchors = new HashSet<>();
        for (String line : Files.readAllLines(page)) {
            if (line.trim().startsWith("```")) {
                inFence = !inFence;
            } else if (!inFence) {
                Matcher m = HEADING.matcher(line);
                if (m.matches()) {
                    String base = anchor(m.group(1));
                    String unique = base;
                    for (int n = 1; !anchors.add(unique); n++) {
                        unique = base + "-" + n; // GitHub numbers a repeated heading's anchor
                    }
                }
            }
        }
        return anchors;
    }

    /** GitHub's anchor of a heading: lower case, punctuation other than {@code -} and {@code _} dropped, spaces to {@code -}. */
    private static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
    }
}
