package org.partyline.ingest.codebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads codebook JSON files and checks every entry against the input rules of the events it will produce, so that a
 * bad entry is reported once, with its file and place, instead of as a rejected candidate later.
 */
final class CodebookReader {

  static final Pattern PARTY = Pattern.compile("[A-Z0-9][A-Z0-9_.-]{0,63}");
  static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,127}");
  private static final int MAX_PROPOSITION = 1000;
  private static final int MAX_NAME = 200;

  private final ObjectMapper json = new ObjectMapper();

  Codebook readAll(List<Path> files) throws CodebookException {
    if (files.isEmpty()) {
      throw new CodebookException("no codebook file given");
    }
    Map<String, Actor> actors = new LinkedHashMap<>();
    Map<String, TopicEntry> topics = new LinkedHashMap<>();
    Map<String, ClaimEntry> claims = new LinkedHashMap<>();
    for (Path file : files) {
      Codebook one = read(file);
      mergeInto(actors, one.actors(), Actor::party);
      mergeInto(topics, one.topics(), TopicEntry::topic);
      mergeInto(claims, one.claims(), ClaimEntry::claimId);
    }
    return new Codebook(new ArrayList<>(actors.values()), new ArrayList<>(topics.values()),
        new ArrayList<>(claims.values()));
  }

  private static <T> void mergeInto(Map<String, T> merged, List<T> entries, Function<T, String> key) {
    for (T entry : entries) {
      merged.remove(key.apply(entry));
      merged.put(key.apply(entry), entry);
    }
  }

  Codebook read(Path file) throws CodebookException {
    String where = file.toString();
    JsonNode root;
    try {
      root = json.readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw new CodebookException(where + ": line " + e.getLocation().getLineNr() + ": not valid JSON: "
          + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new CodebookException(where + ": cannot be read: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new CodebookException(where + ": must be a JSON object with \"actors\", \"topics\" and \"claims\"");
    }
    return new Codebook(actors(where, root), topics(where, root), claims(where, root));
  }

  private List<Actor> actors(String where, JsonNode root) throws CodebookException {
    List<Actor> actors = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    JsonNode list = list(where, root, "actors");
    for (int i = 0; i < list.size(); i++) {
      String at = where + ": actors[" + i + "]";
      JsonNode entry = object(at, list.get(i));
      String party = text(at, entry, "party").trim().toUpperCase(Locale.ROOT);
      if (!PARTY.matcher(party).matches()) {
        throw new CodebookException(at + ": party '" + party + "' breaks " + PARTY.pattern());
      }
      unique(at, "party", party, seen);
      JsonNode names = entry.get("names");
      if (names == null || !names.isArray() || names.isEmpty()) {
        throw new CodebookException(at + ": names must be a non-empty list of strings");
      }
      List<String> values = new ArrayList<>();
      for (int n = 0; n < names.size(); n++) {
        JsonNode name = names.get(n);
        if (!name.isTextual() || name.asText().isBlank() || name.asText().length() > MAX_NAME) {
          throw new CodebookException(at + ": names[" + n + "] must be a non-blank string of at most " + MAX_NAME
              + " characters");
        }
        values.add(name.asText().trim());
      }
      actors.add(new Actor(party, values));
    }
    return actors;
  }

  private List<TopicEntry> topics(String where, JsonNode root) throws CodebookException {
    List<TopicEntry> topics = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    JsonNode list = list(where, root, "topics");
    for (int i = 0; i < list.size(); i++) {
      String at = where + ": topics[" + i + "]";
      JsonNode entry = object(at, list.get(i));
      String topic = slug(at, entry, "topic");
      unique(at, "topic", topic, seen);
      String description = text(at, entry, "description").trim();
      topics.add(new TopicEntry(topic, description));
    }
    return topics;
  }

  private List<ClaimEntry> claims(String where, JsonNode root) throws CodebookException {
    List<ClaimEntry> claims = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    JsonNode list = list(where, root, "claims");
    for (int i = 0; i < list.size(); i++) {
      String at = where + ": claims[" + i + "]";
      JsonNode entry = object(at, list.get(i));
      String claimId = slug(at, entry, "claimId");
      unique(at, "claimId", claimId, seen);
      String proposition = text(at, entry, "proposition").trim();
      if (proposition.length() > MAX_PROPOSITION) {
        throw new CodebookException(at + ": proposition has " + proposition.length() + " characters, at most "
            + MAX_PROPOSITION + " allowed");
      }
      claims.add(new ClaimEntry(claimId, proposition));
    }
    return claims;
  }

  private static void unique(String at, String field, String key, Map<String, String> seen)
      throws CodebookException {
    String first = seen.putIfAbsent(key, at);
    if (first != null) {
      throw new CodebookException(at + ": " + field + " '" + key + "' is already defined at "
          + first.substring(first.lastIndexOf(": ") + 2));
    }
  }

  private static JsonNode list(String where, JsonNode root, String field) throws CodebookException {
    JsonNode list = root.get(field);
    if (list == null || list.isNull()) {
      return JsonNodeFactory.instance.arrayNode();
    }
    if (!list.isArray()) {
      throw new CodebookException(where + ": " + field + " must be a list");
    }
    return list;
  }

  private static JsonNode object(String at, JsonNode entry) throws CodebookException {
    if (!entry.isObject()) {
      throw new CodebookException(at + ": must be an object");
    }
    return entry;
  }

  private static String text(String at, JsonNode entry, String field) throws CodebookException {
    JsonNode value = entry.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new CodebookException(at + ": " + field + " is required (a non-blank string)");
    }
    return value.asText();
  }

  private static String slug(String at, JsonNode entry, String field) throws CodebookException {
    String value = text(at, entry, field);
    if (!SLUG.matcher(value).matches()) {
      throw new CodebookException(at + ": " + field + " '" + value + "' breaks " + SLUG.pattern());
    }
    return value;
  }
}
