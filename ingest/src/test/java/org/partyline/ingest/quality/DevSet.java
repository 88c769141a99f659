package org.partyline.ingest.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.partyline.ingest.Article;
import org.partyline.ingest.codebook.Codebook;
import org.partyline.ingest.codebook.CodebookException;

/** The development set copied into the test resources: articles, gold events, codebook and the held-out split. */
public final class DevSet {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DevSet() {}

  public static Path dir() {
    try {
      return Path.of(DevSet.class.getClassLoader().getResource("ingest-dev/articles.jsonl").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Codebook codebook() throws CodebookException {
    return Codebook.load(List.of(dir().resolve("codebook.json")));
  }

  public static List<Article> articles() {
    List<Article> articles = new ArrayList<>();
    for (JsonNode node : lines(dir().resolve("articles.jsonl"))) {
      articles.add(new Article(node.get("id").asText(), node.get("text").asText(),
          Instant.parse(node.get("publishedAt").asText()), text(node, "url"), text(node, "outlet"),
          text(node, "title")));
    }
    return articles;
  }

  /** Every topic and claimId of the development codebook. */
  public static Set<String> codebookKeys() {
    try {
      Codebook codebook = codebook();
      Set<String> keys = new java.util.HashSet<>();
      codebook.topics().forEach(t -> keys.add(t.topic()));
      codebook.claims().forEach(c -> keys.add(c.claimId()));
      return keys;
    } catch (CodebookException e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<JsonNode> gold() {
    return lines(dir().resolve("gold.jsonl"));
  }

  /** Ids of the held-out articles (split.txt). */
  public static Set<String> heldOut() {
    try {
      return Files.readAllLines(dir().resolve("split.txt"), StandardCharsets.UTF_8).stream().map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<JsonNode> lines(Path file) {
    List<JsonNode> nodes = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          nodes.add(JSON.readTree(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
    return nodes;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
