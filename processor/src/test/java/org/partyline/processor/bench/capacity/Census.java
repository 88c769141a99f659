package org.partyline.processor.bench.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who is in an events file and how busy each is, read line by line: events by party, topic, claim and
 * (party, topic), so that the page walk can ask for the busiest and for a spread of the rest. Memory grows with the
 * names, not with the events.
 */
record Census(long lines, Map<String, Integer> parties, Map<String, Integer> topics, Map<String, Integer> claims,
              Map<String, Integer> partyTopics) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Census of(Path file) throws IOException {
        Map<String, Integer> parties = new HashMap<>();
        Map<String, Integer> topics = new HashMap<>();
        Map<String, Integer> claims = new HashMap<>();
        Map<String, Integer> partyTopics = new HashMap<>();
        long lines = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                lines++;
                JsonNode event = JSON.readTree(line);
                String party = event.path("party").asText().trim().toUpperCase(java.util.Locale.ROOT);
                parties.merge(party, 1, Integer::sum);
                if (event.hasNonNull("topic")) {
                    topics.merge(event.get("topic").asText(), 1, Integer::sum);
                    partyTopics.merge(party + "/" + event.get("topic").asText(), 1, Integer::sum);
                } else if (event.hasNonNull("claimId")) {
                    claims.merge(event.get("claimId").asText(), 1, Integer::sum);
                }
            }
        }
        return new Census(lines, parties, topics, claims, partyTopics);
    }

    /** The {@code busiest} names with most events, then {@code spread} more evenly spaced in sort order. */
    static List<String> sample(Map<String, Integer> counts, int busiest, int spread) {
        List<String> chosen = new ArrayList<>(counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(busiest).map(Map.Entry::getKey).toList());
        List<String> sorted = counts.keySet().stream().sorted(Comparator.naturalOrder()).toList();
        for (int i = 0; i < spread && !sorted.isEmpty(); i++) {
            String name = sorted.get((int) ((long) i * sorted.size() / spread));
            if (!chosen.contains(name)) {
                chosen.add(name);
            }
        }
        return chosen;
    }
}
