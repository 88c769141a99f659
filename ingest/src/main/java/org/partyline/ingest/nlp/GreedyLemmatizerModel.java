package org.partyline.ingest.nlp;

import java.io.IOException;
import java.io.InputStream;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.ml.BeamSearch;

/**
 * The UD English lemmatizer model, decoded greedily (beam size 1 instead of the model's 3): the lemmatizer is the
 * slowest linguistic stage, and for lemmas of single words the wider beam changes almost nothing.
 */
final class GreedyLemmatizerModel extends LemmatizerModel {

  private static final long serialVersionUID = 1L;

  GreedyLemmatizerModel(InputStream in) throws IOException {
    super(in);
    setManifestProperty(BeamSearch.BEAM_SIZE_PARAMETER, "1");
  }
}
