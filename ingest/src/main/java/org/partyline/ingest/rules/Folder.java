package org.partyline.ingest.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds proposals per (party, topic or claim) as guideline A5 says: repeated statements of the same position become
 * one, which keeps the first statement's day, quote and speaker and the highest confidence; a change of position
 * within the article starts a new one when an explicit cue gives it (a stance read only by default, or a claim read
 * only as a plain assertion, does not overturn an earlier reading; nor does a second reading of the same sentence).
 * Result in order of first occurrence.
 */
public final class Folder {

  private Folder() {}

  public static List<List<Proposal>> fold(List<Proposal> proposals) {
    Map<String, List<List<Proposal>>> byKey = new LinkedHashMap<>();
    List<List<Proposal>> order = new ArrayList<>();
    for (Proposal proposal : proposals) {
      String key = proposal.type() + "/" + proposal.party() + "/" + proposal.target().key();
      List<List<Proposal>> runs = byKey.computeIfAbsent(key, k -> new ArrayList<>());
      List<Proposal> last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
      if (last != null && (last.get(0).value().equals(proposal.value()) || weakChange(last, proposal))) {
        last.add(proposal);
      } else {
        List<Proposal> run = new ArrayList<>();
        run.add(proposal);
        runs.add(run);
        order.add(run);
      }
    }
    return order;
  }

  private static boolean weakChange(List<Proposal> run, Proposal proposal) {
    String rules = proposal.rules();
    return rules.contains("stance.default") || rules.contains("claim.assert")
        || run.get(run.size() - 1).sentence() == proposal.sentence();
  }
}
